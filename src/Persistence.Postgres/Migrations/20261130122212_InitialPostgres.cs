using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SendWorkflow.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Name = table.Column<string>(type: "text", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "text", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    DisplayName = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: true),
                    BoroughId = table.Column<string>(type: "text", maxLength: 100, nullable: true),
                    Classes = table.Column<string>(type: "text", maxLength: 500, nullable: true),
                    CalendarSecret = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    DigestOff = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "text", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "text", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "text", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "text", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    UserName = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    Role = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    Action = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Resource = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    ResourceId = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    PupilId = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    SchoolId = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    Method = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Path = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RemoteAddress = table.Column<string>(type: "text", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BoroughParameters",
                columns: table => new
                {
                    BoroughId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", maxLength: 100000, nullable: false),
                    ChangedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    Changes = table.Column<string>(type: "text", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoroughParameters", x => new { x.BoroughId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "Boroughs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    CalendarId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Boroughs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClockState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Now = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "text", maxLength: 100000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DefinitionVersions",
                columns: table => new
                {
                    DefinitionId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<string>(type: "text", maxLength: 120, nullable: false),
                    BasedOn = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "text", maxLength: 16, nullable: false),
                    Json = table.Column<string>(type: "text", maxLength: 4000000, nullable: false),
                    ContentHash = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefinitionVersions", x => new { x.DefinitionId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "Health",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Health", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    BoroughId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnteredStateAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnteredBy = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    EnteredVia = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    LastProgress = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewsInStage = table.Column<int>(type: "integer", nullable: false),
                    ReviewsWithoutProgress = table.Column<int>(type: "integer", nullable: false),
                    MeasureHistory = table.Column<string>(type: "text", maxLength: 1024, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ParentInstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConcurrencyStamp = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IpmTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Text = table.Column<string>(type: "text", maxLength: 500, nullable: false),
                    SuccessCriteria = table.Column<string>(type: "text", maxLength: 500, nullable: false),
                    SetOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IpmTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Detail = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Data = table.Column<string>(type: "text", maxLength: 100000, nullable: true),
                    Actor = table.Column<string>(type: "text", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MediationCertificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "text", maxLength: 64, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationCertificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    BoroughId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    SubjectId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "text", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ParentLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Form = table.Column<string>(type: "text", maxLength: 50, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    TokenHash = table.Column<string>(type: "text", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "text", maxLength: 450, nullable: false),
                    CreatedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParentLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlayScenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Scope = table.Column<string>(type: "text", maxLength: 120, nullable: false),
                    Name = table.Column<string>(type: "text", maxLength: 80, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartJson = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    StepsJson = table.Column<string>(type: "text", maxLength: 1000000, nullable: false),
                    OutcomesJson = table.Column<string>(type: "text", maxLength: 1000000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlayScenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Provisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Intervention = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    EntryCriteria = table.Column<string>(type: "text", maxLength: 1000, nullable: false),
                    ExitCriteria = table.Column<string>(type: "text", maxLength: 1000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliveredBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    Impact = table.Column<string>(type: "text", maxLength: 2000, nullable: true),
                    CostBasis = table.Column<string>(type: "text", maxLength: 10, nullable: true),
                    HoursPerWeek = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    HourlyRatePence = table.Column<long>(type: "bigint", nullable: true),
                    FixedCostPence = table.Column<long>(type: "bigint", nullable: true),
                    CreatedBy = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PupilMigrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", maxLength: 64, nullable: false),
                    FromVersion = table.Column<int>(type: "integer", nullable: false),
                    ToVersion = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<string>(type: "text", maxLength: 120, nullable: false),
                    StateMap = table.Column<string>(type: "text", maxLength: 40000, nullable: false),
                    Status = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    CreatedById = table.Column<string>(type: "text", maxLength: 450, nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PupilMigrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatutoryExceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    BoroughId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    PupilId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "text", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatutoryExceptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    DefinitionTaskId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Title = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Role = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Form = table.Column<string>(type: "text", maxLength: 50, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    Notes = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    Raises = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    RepeatsAt = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    WarnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WarnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EscalateTo = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    EscalationOf = table.Column<Guid>(type: "uuid", nullable: true),
                    Assignee = table.Column<string>(type: "text", maxLength: 450, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StartBy = table.Column<DateOnly>(type: "date", nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Timers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    TimerId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Raises = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Timers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    ClaimType = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    ClaimValue = table.Column<string>(type: "text", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    ClaimType = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    ClaimValue = table.Column<string>(type: "text", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    ProviderKey = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    UserId = table.Column<string>(type: "text", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    RoleId = table.Column<string>(type: "text", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    LoginProvider = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Name = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Value = table.Column<string>(type: "text", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavedInboxFilters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "text", maxLength: 60, nullable: false),
                    Queue = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    ClassName = table.Column<string>(type: "text", maxLength: 100, nullable: true),
                    Stage = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "text", maxLength: 100, nullable: true),
                    Search = table.Column<string>(type: "text", maxLength: 100, nullable: true),
                    Sort = table.Column<string>(type: "text", maxLength: 20, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedInboxFilters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedInboxFilters_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SentReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "text", maxLength: 450, nullable: false),
                    Key = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SentReminders_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Schools",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    BoroughId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    Phase = table.Column<string>(type: "text", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Schools_Boroughs_BoroughId",
                        column: x => x.BoroughId,
                        principalTable: "Boroughs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PupilMigrationItems",
                columns: table => new
                {
                    MigrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    ExpectedState = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    StateAfter = table.Column<string>(type: "text", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "text", maxLength: 1000, nullable: true),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PupilMigrationItems", x => new { x.MigrationId, x.InstanceId });
                    table.ForeignKey(
                        name: "FK_PupilMigrationItems_PupilMigrations_MigrationId",
                        column: x => x.MigrationId,
                        principalTable: "PupilMigrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    AcademicYear = table.Column<string>(type: "text", maxLength: 7, nullable: false),
                    Area = table.Column<string>(type: "text", maxLength: 300, nullable: false),
                    Action = table.Column<string>(type: "text", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    Evidence = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    Source = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    SourceKey = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlan_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CpdAudit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    AcademicYear = table.Column<string>(type: "text", maxLength: 7, nullable: false),
                    StatementId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Rating = table.Column<string>(type: "text", maxLength: 20, nullable: true),
                    Comment = table.Column<string>(type: "text", maxLength: 2000, nullable: true),
                    IsPriority = table.Column<bool>(type: "boolean", nullable: false),
                    PriorityAction = table.Column<string>(type: "text", maxLength: 1000, nullable: true),
                    PriorityOwner = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    PriorityDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CpdAudit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CpdAudit_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EpAssignments",
                columns: table => new
                {
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    BoroughId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    UserId = table.Column<string>(type: "text", maxLength: 450, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpAssignments", x => x.SchoolId);
                    table.ForeignKey(
                        name: "FK_EpAssignments_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    DefinitionId = table.Column<string>(type: "text", maxLength: 64, nullable: false),
                    AcademicYear = table.Column<string>(type: "text", maxLength: 7, nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Programmes_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PupilImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "text", maxLength: 20000000, nullable: false),
                    Outcome = table.Column<string>(type: "text", maxLength: 20000000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    AppliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AppliedBy = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    LeaversClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PupilImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PupilImports_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Pupils",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    PreferredName = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    Upn = table.Column<string>(type: "text", maxLength: 13, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 4000, nullable: false),
                    YearGroup = table.Column<int>(type: "integer", nullable: false),
                    YearGroupFrom = table.Column<int>(type: "integer", nullable: true),
                    ClassName = table.Column<string>(type: "text", maxLength: 50, nullable: true),
                    PrimaryNeed = table.Column<string>(type: "text", maxLength: 10, nullable: true),
                    SenStatus = table.Column<string>(type: "text", maxLength: 1, nullable: true),
                    LookedAfter = table.Column<bool>(type: "boolean", nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pupils", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pupils_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    AcademicYear = table.Column<string>(type: "text", maxLength: 7, nullable: false),
                    Figures = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingBy = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    MeetingAttendees = table.Column<string>(type: "text", maxLength: 1000, nullable: true),
                    WorkPlanAgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WorkPlanAgreedBy = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewedBy = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    ReviewSummary = table.Column<string>(type: "text", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfReviews_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SenAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoroughId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    FinancialYear = table.Column<string>(type: "text", maxLength: 7, nullable: false),
                    NotionalSenBudgetPence = table.Column<long>(type: "bigint", nullable: false),
                    TopUpLines = table.Column<string>(type: "text", maxLength: 20000, nullable: false),
                    TopUpPence = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "text", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SenAllocations_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SenAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoroughId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScheduledHow = table.Column<string>(type: "text", maxLength: 20, nullable: false),
                    AuditOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OfficerId = table.Column<string>(type: "text", maxLength: 450, nullable: true),
                    VisitingSencoId = table.Column<string>(type: "text", maxLength: 450, nullable: true),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DrawnBy = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    SampleWarnings = table.Column<string>(type: "text", maxLength: 1000, nullable: true),
                    VerbalFeedback = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    ProvisionNotes = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    BudgetNotes = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    FeedbackAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FeedbackBy = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    Findings = table.Column<string>(type: "text", maxLength: 4000, nullable: true),
                    ReportActions = table.Column<string>(type: "text", maxLength: 40000, nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedBy = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SenAudits_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SenBudgetReturns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoroughId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    FinancialYear = table.Column<string>(type: "text", maxLength: 7, nullable: false),
                    Kind = table.Column<string>(type: "text", maxLength: 10, nullable: false),
                    Lines = table.Column<string>(type: "text", maxLength: 100000, nullable: false),
                    TotalPence = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "text", maxLength: 2000, nullable: true),
                    SubmittedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenBudgetReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SenBudgetReturns_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SenInformationTexts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    AcademicYear = table.Column<string>(type: "text", maxLength: 7, nullable: false),
                    SectionId = table.Column<string>(type: "text", maxLength: 50, nullable: false),
                    Text = table.Column<string>(type: "text", maxLength: 8000, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<string>(type: "text", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenInformationTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SenInformationTexts_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfReviewDimensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SelfReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    DimensionId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    ForDiscussion = table.Column<bool>(type: "boolean", nullable: false),
                    ImproveNotes = table.Column<string>(type: "text", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfReviewDimensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfReviewDimensions_SelfReviews_SelfReviewId",
                        column: x => x.SelfReviewId,
                        principalTable: "SelfReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfReviewLevels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SelfReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    DescriptorId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "text", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfReviewLevels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfReviewLevels_SelfReviews_SelfReviewId",
                        column: x => x.SelfReviewId,
                        principalTable: "SelfReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfReviewWorkPlan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SelfReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    DimensionId = table.Column<string>(type: "text", maxLength: 100, nullable: true),
                    Area = table.Column<string>(type: "text", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "text", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "text", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewStatus = table.Column<string>(type: "text", maxLength: 20, nullable: true),
                    ReviewNotes = table.Column<string>(type: "text", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfReviewWorkPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfReviewWorkPlan_SelfReviews_SelfReviewId",
                        column: x => x.SelfReviewId,
                        principalTable: "SelfReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SenAuditSamples",
                columns: table => new
                {
                    AuditId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "text", maxLength: 100, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenAuditSamples", x => new { x.AuditId, x.PupilId });
                    table.ForeignKey(
                        name: "FK_SenAuditSamples_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SenAuditSamples_SenAudits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "SenAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlan_SchoolId_AcademicYear",
                table: "ActionPlan",
                columns: new[] { "SchoolId", "AcademicYear" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlan_SchoolId_SourceKey",
                table: "ActionPlan",
                columns: new[] { "SchoolId", "SourceKey" },
                unique: true,
                filter: "\"SourceKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CalendarSecret",
                table: "AspNetUsers",
                column: "CalendarSecret");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Audit_At",
                table: "Audit",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Audit_PupilId_At",
                table: "Audit",
                columns: new[] { "PupilId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_SchoolId_At",
                table: "Audit",
                columns: new[] { "SchoolId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_UserId_At",
                table: "Audit",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CpdAudit_SchoolId_AcademicYear_StatementId",
                table: "CpdAudit",
                columns: new[] { "SchoolId", "AcademicYear", "StatementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DefinitionVersions_DefinitionId_Scope_Status",
                table: "DefinitionVersions",
                columns: new[] { "DefinitionId", "Scope", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EpAssignments_UserId",
                table: "EpAssignments",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_ParentInstanceId",
                table: "Instances",
                column: "ParentInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_SchoolId_State",
                table: "Instances",
                columns: new[] { "SchoolId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_SubjectId",
                table: "Instances",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "UX_Instances_ActivePerSubject",
                table: "Instances",
                columns: new[] { "SubjectId", "DefinitionId" },
                unique: true,
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_IpmTargets_PupilId_Status",
                table: "IpmTargets",
                columns: new[] { "PupilId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IpmTargets_SchoolId",
                table: "IpmTargets",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Journal_InstanceId_Id",
                table: "Journal",
                columns: new[] { "InstanceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MediationCertificates_InstanceId_Decision",
                table: "MediationCertificates",
                columns: new[] { "InstanceId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_BoroughId_Name_On",
                table: "Milestones",
                columns: new[] { "BoroughId", "Name", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_InstanceId_Name",
                table: "Milestones",
                columns: new[] { "InstanceId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ParentLinks_PupilId_CreatedAt",
                table: "ParentLinks",
                columns: new[] { "PupilId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ParentLinks_TokenHash",
                table: "ParentLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlayScenarios_DefinitionId_Scope_Name",
                table: "PlayScenarios",
                columns: new[] { "DefinitionId", "Scope", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_InstanceId",
                table: "Programmes",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_SchoolId_DefinitionId_AcademicYear",
                table: "Programmes",
                columns: new[] { "SchoolId", "DefinitionId", "AcademicYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Provisions_PupilId",
                table: "Provisions",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_Provisions_SchoolId",
                table: "Provisions",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PupilImports_SchoolId_CreatedAt",
                table: "PupilImports",
                columns: new[] { "SchoolId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PupilMigrationItems_MigrationId_Status_Position",
                table: "PupilMigrationItems",
                columns: new[] { "MigrationId", "Status", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_PupilMigrations_DefinitionId_FromVersion",
                table: "PupilMigrations",
                columns: new[] { "DefinitionId", "FromVersion" },
                unique: true,
                filter: "\"Status\" = 'running'");

            migrationBuilder.CreateIndex(
                name: "IX_PupilMigrations_Status",
                table: "PupilMigrations",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Pupils_SchoolId",
                table: "Pupils",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Pupils_SchoolId_Upn",
                table: "Pupils",
                columns: new[] { "SchoolId", "Upn" },
                unique: true,
                filter: "\"Upn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SavedInboxFilters_UserId_Name",
                table: "SavedInboxFilters",
                columns: new[] { "UserId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Schools_BoroughId",
                table: "Schools",
                column: "BoroughId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfReviewDimensions_SelfReviewId_DimensionId",
                table: "SelfReviewDimensions",
                columns: new[] { "SelfReviewId", "DimensionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfReviewLevels_SelfReviewId_DescriptorId",
                table: "SelfReviewLevels",
                columns: new[] { "SelfReviewId", "DescriptorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfReviews_SchoolId_AcademicYear",
                table: "SelfReviews",
                columns: new[] { "SchoolId", "AcademicYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfReviewWorkPlan_SelfReviewId_Number",
                table: "SelfReviewWorkPlan",
                columns: new[] { "SelfReviewId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SenAllocations_BoroughId_FinancialYear",
                table: "SenAllocations",
                columns: new[] { "BoroughId", "FinancialYear" });

            migrationBuilder.CreateIndex(
                name: "IX_SenAllocations_SchoolId_FinancialYear",
                table: "SenAllocations",
                columns: new[] { "SchoolId", "FinancialYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SenAudits_AuditOn_VisitingSencoId",
                table: "SenAudits",
                columns: new[] { "AuditOn", "VisitingSencoId" });

            migrationBuilder.CreateIndex(
                name: "IX_SenAudits_BoroughId_AuditOn",
                table: "SenAudits",
                columns: new[] { "BoroughId", "AuditOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SenAudits_SchoolId_Status",
                table: "SenAudits",
                columns: new[] { "SchoolId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SenAuditSamples_PupilId",
                table: "SenAuditSamples",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_SenBudgetReturns_BoroughId_FinancialYear",
                table: "SenBudgetReturns",
                columns: new[] { "BoroughId", "FinancialYear" });

            migrationBuilder.CreateIndex(
                name: "IX_SenBudgetReturns_SchoolId_FinancialYear_Kind",
                table: "SenBudgetReturns",
                columns: new[] { "SchoolId", "FinancialYear", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SenInformationTexts_SchoolId_SectionId_AcademicYear",
                table: "SenInformationTexts",
                columns: new[] { "SchoolId", "SectionId", "AcademicYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SentReminders_UserId_Kind_Key",
                table: "SentReminders",
                columns: new[] { "UserId", "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryExceptions_BoroughId",
                table: "StatutoryExceptions",
                column: "BoroughId");

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryExceptions_InstanceId",
                table: "StatutoryExceptions",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Assignee_Status_DueOn",
                table: "Tasks",
                columns: new[] { "Assignee", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Inbox",
                table: "Tasks",
                columns: new[] { "SchoolId", "Status", "DueOn", "Priority", "Assignee", "Role", "EscalatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InstanceId_Status",
                table: "Tasks",
                columns: new[] { "InstanceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SchoolId_Status_CompletedAt_Assignee_Role",
                table: "Tasks",
                columns: new[] { "SchoolId", "Status", "CompletedAt", "Assignee", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_DueOn",
                table: "Tasks",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_WarnOn",
                table: "Tasks",
                columns: new[] { "Status", "WarnOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SubjectId_Status",
                table: "Tasks",
                columns: new[] { "SubjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Timers_InstanceId_Status",
                table: "Timers",
                columns: new[] { "InstanceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Timers_Status_DueAt",
                table: "Timers",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionPlan");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Audit");

            migrationBuilder.DropTable(
                name: "BoroughParameters");

            migrationBuilder.DropTable(
                name: "ClockState");

            migrationBuilder.DropTable(
                name: "CpdAudit");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DefinitionVersions");

            migrationBuilder.DropTable(
                name: "EpAssignments");

            migrationBuilder.DropTable(
                name: "Health");

            migrationBuilder.DropTable(
                name: "Instances");

            migrationBuilder.DropTable(
                name: "IpmTargets");

            migrationBuilder.DropTable(
                name: "Journal");

            migrationBuilder.DropTable(
                name: "MediationCertificates");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "ParentLinks");

            migrationBuilder.DropTable(
                name: "PlayScenarios");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropTable(
                name: "Provisions");

            migrationBuilder.DropTable(
                name: "PupilImports");

            migrationBuilder.DropTable(
                name: "PupilMigrationItems");

            migrationBuilder.DropTable(
                name: "SavedInboxFilters");

            migrationBuilder.DropTable(
                name: "SelfReviewDimensions");

            migrationBuilder.DropTable(
                name: "SelfReviewLevels");

            migrationBuilder.DropTable(
                name: "SelfReviewWorkPlan");

            migrationBuilder.DropTable(
                name: "SenAllocations");

            migrationBuilder.DropTable(
                name: "SenAuditSamples");

            migrationBuilder.DropTable(
                name: "SenBudgetReturns");

            migrationBuilder.DropTable(
                name: "SenInformationTexts");

            migrationBuilder.DropTable(
                name: "SentReminders");

            migrationBuilder.DropTable(
                name: "StatutoryExceptions");

            migrationBuilder.DropTable(
                name: "Tasks");

            migrationBuilder.DropTable(
                name: "Timers");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "PupilMigrations");

            migrationBuilder.DropTable(
                name: "SelfReviews");

            migrationBuilder.DropTable(
                name: "Pupils");

            migrationBuilder.DropTable(
                name: "SenAudits");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Schools");

            migrationBuilder.DropTable(
                name: "Boroughs");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SenAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EpAssignments",
                columns: table => new
                {
                    SchoolId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BoroughId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                name: "SelfReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AcademicYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Figures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MeetingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MeetingBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MeetingAttendees = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WorkPlanAgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorkPlanAgreedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
                name: "SenAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoroughId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SchoolId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduledHow = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuditOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OfficerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    VisitingSencoId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SampleWarnings = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VerbalFeedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProvisionNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BudgetNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FeedbackAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FeedbackBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportActions = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "SelfReviewDimensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SelfReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DimensionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ForDiscussion = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImproveNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SelfReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DescriptorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SelfReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DimensionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReviewNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    AuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "IX_EpAssignments_UserId",
                table: "EpAssignments",
                column: "UserId");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EpAssignments");

            migrationBuilder.DropTable(
                name: "SelfReviewDimensions");

            migrationBuilder.DropTable(
                name: "SelfReviewLevels");

            migrationBuilder.DropTable(
                name: "SelfReviewWorkPlan");

            migrationBuilder.DropTable(
                name: "SenAuditSamples");

            migrationBuilder.DropTable(
                name: "SelfReviews");

            migrationBuilder.DropTable(
                name: "SenAudits");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PupilMigrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PupilMigrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ToVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StateMap = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PupilMigrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PupilMigrationItems",
                columns: table => new
                {
                    MigrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SchoolId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpectedState = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StateAfter = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PupilMigrationItems");

            migrationBuilder.DropTable(
                name: "PupilMigrations");
        }
    }
}

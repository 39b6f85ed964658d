using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CpdAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CpdAudit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AcademicYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    StatementId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsPriority = table.Column<bool>(type: "INTEGER", nullable: false),
                    PriorityAction = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PriorityOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PriorityDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_CpdAudit_SchoolId_AcademicYear_StatementId",
                table: "CpdAudit",
                columns: new[] { "SchoolId", "AcademicYear", "StatementId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CpdAudit");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SenInformationReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SenInformationTexts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AcademicYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    SectionId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_SenInformationTexts_SchoolId_SectionId_AcademicYear",
                table: "SenInformationTexts",
                columns: new[] { "SchoolId", "SectionId", "AcademicYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SenInformationTexts");
        }
    }
}

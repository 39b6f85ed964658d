using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Provisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Provisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SchoolId = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Intervention = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntryCriteria = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ExitCriteria = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeliveredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Provisions_PupilId",
                table: "Provisions",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_Provisions_SchoolId",
                table: "Provisions",
                column: "SchoolId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Provisions");
        }
    }
}

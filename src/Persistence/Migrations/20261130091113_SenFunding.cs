using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SenFunding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CostBasis",
                table: "Provisions",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FixedCostPence",
                table: "Provisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HourlyRatePence",
                table: "Provisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "HoursPerWeek",
                table: "Provisions",
                type: "TEXT",
                precision: 6,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SenAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoroughId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SchoolId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FinancialYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    NotionalSenBudgetPence = table.Column<long>(type: "INTEGER", nullable: false),
                    TopUpLines = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TopUpPence = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "SenBudgetReturns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoroughId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SchoolId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FinancialYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Lines = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    TotalPence = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "IX_SenBudgetReturns_BoroughId_FinancialYear",
                table: "SenBudgetReturns",
                columns: new[] { "BoroughId", "FinancialYear" });

            migrationBuilder.CreateIndex(
                name: "IX_SenBudgetReturns_SchoolId_FinancialYear_Kind",
                table: "SenBudgetReturns",
                columns: new[] { "SchoolId", "FinancialYear", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SenAllocations");

            migrationBuilder.DropTable(
                name: "SenBudgetReturns");

            migrationBuilder.DropColumn(
                name: "CostBasis",
                table: "Provisions");

            migrationBuilder.DropColumn(
                name: "FixedCostPence",
                table: "Provisions");

            migrationBuilder.DropColumn(
                name: "HourlyRatePence",
                table: "Provisions");

            migrationBuilder.DropColumn(
                name: "HoursPerWeek",
                table: "Provisions");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OpenEscalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tasks_OpenEscalations",
                table: "Tasks",
                column: "EscalationOf",
                filter: "\"Status\" = 'Open' AND \"Kind\" = 'escalation'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_OpenEscalations",
                table: "Tasks");
        }
    }
}

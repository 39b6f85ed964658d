using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TasksToWarnOnlyWarning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_ToWarn",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ToWarn",
                table: "Tasks",
                column: "WarnOn",
                filter: "\"Status\" = 'Open' AND \"WarnedAt\" IS NULL AND \"WarnOn\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_ToWarn",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ToWarn",
                table: "Tasks",
                column: "WarnOn",
                filter: "\"Status\" = 'Open' AND \"WarnedAt\" IS NULL");
        }
    }
}

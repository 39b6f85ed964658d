using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstanceIndexesWithoutStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Timers_InstanceId_Status",
                table: "Timers");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_InstanceId_Status",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Timers_InstanceId",
                table: "Timers",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InstanceId",
                table: "Tasks",
                column: "InstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Timers_InstanceId",
                table: "Timers");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_InstanceId",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Timers_InstanceId_Status",
                table: "Timers",
                columns: new[] { "InstanceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InstanceId_Status",
                table: "Tasks",
                columns: new[] { "InstanceId", "Status" });
        }
    }
}

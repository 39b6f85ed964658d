using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_SchoolId_Status_DueOn",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Inbox",
                table: "Tasks",
                columns: new[] { "SchoolId", "Status", "DueOn", "Priority", "Assignee", "Role", "EscalatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SchoolId_Status_CompletedAt_Assignee_Role",
                table: "Tasks",
                columns: new[] { "SchoolId", "Status", "CompletedAt", "Assignee", "Role" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_Inbox",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_SchoolId_Status_CompletedAt_Assignee_Role",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SchoolId_Status_DueOn",
                table: "Tasks",
                columns: new[] { "SchoolId", "Status", "DueOn" });
        }
    }
}

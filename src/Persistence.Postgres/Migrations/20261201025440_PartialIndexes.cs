using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Timers_Status_DueAt_Id",
                table: "Timers");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Assignee_Status_DueOn",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_SchoolId_Status_CompletedAt_Assignee_Role",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Status_DueOn",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Status_WarnOn",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_SubjectId_Status",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Timers_PendingByDue",
                table: "Timers",
                columns: new[] { "DueAt", "Id" },
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Assignee_Status_DueOn",
                table: "Tasks",
                columns: new[] { "Assignee", "Status", "DueOn" },
                filter: "\"Assignee\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Done",
                table: "Tasks",
                columns: new[] { "SchoolId", "Status", "CompletedAt", "Assignee", "Role" },
                filter: "\"Status\" = 'Completed'");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_OpenByDue",
                table: "Tasks",
                column: "DueOn",
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SubjectId",
                table: "Tasks",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ToWarn",
                table: "Tasks",
                column: "WarnOn",
                filter: "\"Status\" = 'Open' AND \"WarnedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Timers_PendingByDue",
                table: "Timers");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Assignee_Status_DueOn",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Done",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_OpenByDue",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_SubjectId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_ToWarn",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Timers_Status_DueAt_Id",
                table: "Timers",
                columns: new[] { "Status", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Assignee_Status_DueOn",
                table: "Tasks",
                columns: new[] { "Assignee", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SchoolId_Status_CompletedAt_Assignee_Role",
                table: "Tasks",
                columns: new[] { "SchoolId", "Status", "CompletedAt", "Assignee", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_DueOn",
                table: "Tasks",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_WarnOn",
                table: "Tasks",
                columns: new[] { "Status", "WarnOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SubjectId_Status",
                table: "Tasks",
                columns: new[] { "SubjectId", "Status" });
        }
    }
}

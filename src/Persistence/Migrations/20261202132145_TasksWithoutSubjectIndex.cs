using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TasksWithoutSubjectIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_SubjectId",
                table: "Tasks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SubjectId",
                table: "Tasks",
                column: "SubjectId");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SubjectsAndForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite renames a column in place and keeps its foreign key (under the old constraint name): no table
            // rebuild, so the whole migration stays in one transaction.
            migrationBuilder.RenameColumn(
                name: "PupilId",
                table: "Tasks",
                newName: "SubjectId");

            migrationBuilder.RenameIndex(
                name: "IX_Tasks_PupilId_Status",
                table: "Tasks",
                newName: "IX_Tasks_SubjectId_Status");

            migrationBuilder.RenameColumn(
                name: "PupilId",
                table: "Milestones",
                newName: "SubjectId");

            migrationBuilder.RenameColumn(
                name: "PupilId",
                table: "Instances",
                newName: "SubjectId");

            migrationBuilder.RenameIndex(
                name: "UX_Instances_ActivePerPupil",
                table: "Instances",
                newName: "UX_Instances_ActivePerSubject");

            migrationBuilder.RenameIndex(
                name: "IX_Instances_PupilId",
                table: "Instances",
                newName: "IX_Instances_SubjectId");

            migrationBuilder.AddColumn<string>(
                name: "Form",
                table: "Tasks",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Form",
                table: "Tasks");

            migrationBuilder.RenameColumn(
                name: "SubjectId",
                table: "Tasks",
                newName: "PupilId");

            migrationBuilder.RenameIndex(
                name: "IX_Tasks_SubjectId_Status",
                table: "Tasks",
                newName: "IX_Tasks_PupilId_Status");

            migrationBuilder.RenameColumn(
                name: "SubjectId",
                table: "Milestones",
                newName: "PupilId");

            migrationBuilder.RenameColumn(
                name: "SubjectId",
                table: "Instances",
                newName: "PupilId");

            migrationBuilder.RenameIndex(
                name: "UX_Instances_ActivePerSubject",
                table: "Instances",
                newName: "UX_Instances_ActivePerPupil");

            migrationBuilder.RenameIndex(
                name: "IX_Instances_SubjectId",
                table: "Instances",
                newName: "IX_Instances_PupilId");

        }
    }
}

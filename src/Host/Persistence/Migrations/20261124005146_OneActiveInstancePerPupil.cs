using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Host.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OneActiveInstancePerPupil : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "UX_Instances_ActivePerPupil",
                table: "Instances",
                columns: new[] { "PupilId", "DefinitionId" },
                unique: true,
                filter: "\"Status\" = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Instances_ActivePerPupil",
                table: "Instances");
        }
    }
}

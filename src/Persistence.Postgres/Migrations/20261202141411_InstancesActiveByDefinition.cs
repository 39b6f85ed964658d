using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InstancesActiveByDefinition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Instances_ActiveByDefinition",
                table: "Instances",
                columns: new[] { "DefinitionId", "Version", "Stage" },
                filter: "\"Status\" = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_ActiveByDefinition",
                table: "Instances");
        }
    }
}

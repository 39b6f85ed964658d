using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DefinitionVariants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DefinitionVersions_DefinitionId_Status",
                table: "DefinitionVersions");

            migrationBuilder.AddColumn<int>(
                name: "BasedOn",
                table: "DefinitionVersions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "DefinitionVersions",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_DefinitionVersions_DefinitionId_Scope_Status",
                table: "DefinitionVersions",
                columns: new[] { "DefinitionId", "Scope", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DefinitionVersions_DefinitionId_Scope_Status",
                table: "DefinitionVersions");

            migrationBuilder.DropColumn(
                name: "BasedOn",
                table: "DefinitionVersions");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "DefinitionVersions");

            migrationBuilder.CreateIndex(
                name: "IX_DefinitionVersions_DefinitionId_Status",
                table: "DefinitionVersions",
                columns: new[] { "DefinitionId", "Status" });
        }
    }
}

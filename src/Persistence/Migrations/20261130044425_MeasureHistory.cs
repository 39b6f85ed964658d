using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MeasureHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MeasureHistory",
                table: "Instances",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MeasureHistory",
                table: "Instances");
        }
    }
}

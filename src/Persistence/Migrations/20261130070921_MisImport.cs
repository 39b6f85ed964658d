using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MisImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AdmittedOn",
                table: "Pupils",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftOn",
                table: "Pupils",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredName",
                table: "Pupils",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenStatus",
                table: "Pupils",
                type: "TEXT",
                maxLength: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Upn",
                table: "Pupils",
                type: "TEXT",
                maxLength: 13,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PupilImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 20000000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20000000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AppliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AppliedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaversClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PupilImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PupilImports_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Pupils_SchoolId_Upn",
                table: "Pupils",
                columns: new[] { "SchoolId", "Upn" },
                unique: true,
                filter: "\"Upn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PupilImports_SchoolId_CreatedAt",
                table: "PupilImports",
                columns: new[] { "SchoolId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PupilImports");

            migrationBuilder.DropIndex(
                name: "IX_Pupils_SchoolId_Upn",
                table: "Pupils");

            migrationBuilder.DropColumn(
                name: "AdmittedOn",
                table: "Pupils");

            migrationBuilder.DropColumn(
                name: "LeftOn",
                table: "Pupils");

            migrationBuilder.DropColumn(
                name: "PreferredName",
                table: "Pupils");

            migrationBuilder.DropColumn(
                name: "SenStatus",
                table: "Pupils");

            migrationBuilder.DropColumn(
                name: "Upn",
                table: "Pupils");
        }
    }
}

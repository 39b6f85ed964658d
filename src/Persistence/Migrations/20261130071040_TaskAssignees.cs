using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TaskAssignees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AssignedAt",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Assignee",
                table: "Tasks",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "Tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartBy",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SavedInboxFilters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Queue = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClassName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Stage = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Search = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Sort = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedInboxFilters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedInboxFilters_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Assignee_Status_DueOn",
                table: "Tasks",
                columns: new[] { "Assignee", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedInboxFilters_UserId_Name",
                table: "SavedInboxFilters",
                columns: new[] { "UserId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedInboxFilters");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Assignee_Status_DueOn",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "Assignee",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "StartBy",
                table: "Tasks");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Host.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TaskDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EscalateTo",
                table: "Tasks",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "EscalatedAt",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EscalationOf",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WarnOn",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WarnedAt",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_DueOn",
                table: "Tasks",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_WarnOn",
                table: "Tasks",
                columns: new[] { "Status", "WarnOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_Status_DueOn",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Status_WarnOn",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "EscalateTo",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "EscalationOf",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "WarnOn",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "WarnedAt",
                table: "Tasks");
        }
    }
}

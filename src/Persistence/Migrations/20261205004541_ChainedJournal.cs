using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <summary>
    /// Each instance's journal as a chain (<see cref="JournalChain"/>) rather than an index by instance: the two columns, the
    /// rows there are given their places in it (through the old index, before it goes), the trigger that chains inserts from
    /// outside the writer, and an index of the moves between states only. Written in part by hand: EF Core knows nothing of
    /// the chain's values or of triggers.
    /// </summary>
    public partial class ChainedJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Previous",
                table: "Journal",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastJournalId",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "Journal" SET "Previous" = coalesce((SELECT max("p"."Id") FROM "Journal" AS "p"
                    WHERE "p"."InstanceId" = "Journal"."InstanceId" AND "p"."Id" < "Journal"."Id"), 0);
                """);
            migrationBuilder.Sql("""
                UPDATE "Instances" SET "LastJournalId" = (SELECT max("j"."Id") FROM "Journal" AS "j" WHERE "j"."InstanceId" = "Instances"."Id");
                """);

            migrationBuilder.DropIndex(
                name: "IX_Journal_InstanceId_Id",
                table: "Journal");

            migrationBuilder.CreateIndex(
                name: "IX_Journal_Moves",
                table: "Journal",
                column: "InstanceId",
                filter: "\"Kind\" = 'closed' OR \"Kind\" = 'migrated' OR \"Kind\" = 'started' OR \"Kind\" = 'transition'");

            migrationBuilder.Sql(JournalChain.CreateTrigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP TRIGGER \"{JournalChain.Trigger}\";");

            migrationBuilder.CreateIndex(
                name: "IX_Journal_InstanceId_Id",
                table: "Journal",
                columns: new[] { "InstanceId", "Id" });

            migrationBuilder.DropIndex(
                name: "IX_Journal_Moves",
                table: "Journal");

            migrationBuilder.DropColumn(
                name: "Previous",
                table: "Journal");

            migrationBuilder.DropColumn(
                name: "LastJournalId",
                table: "Instances");
        }
    }
}

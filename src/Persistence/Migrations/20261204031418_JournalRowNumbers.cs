using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <summary>
    /// The journal and the milestones without AUTOINCREMENT: each table made anew with its rows and their numbers, in the
    /// migration's one transaction. Written by hand: EF Core's own rebuild turns foreign keys off around it, outside any
    /// transaction (a migration a crash could leave half done, and a warning at every start of a new database); neither
    /// table has a foreign key in or out, so nothing needs them off.
    /// </summary>
    public partial class JournalRowNumbers : Migration
    {
        private const string Journal = """
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Journal" PRIMARY KEY{0},
            "Actor" TEXT NULL,
            "At" TEXT NOT NULL,
            "Data" TEXT NULL,
            "Detail" TEXT NOT NULL,
            "InstanceId" BLOB NOT NULL,
            "Kind" TEXT NOT NULL,
            "State" TEXT NOT NULL
            """;

        private const string JournalColumns = "\"Id\", \"Actor\", \"At\", \"Data\", \"Detail\", \"InstanceId\", \"Kind\", \"State\"";

        private const string Milestones = """
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Milestones" PRIMARY KEY{0},
            "Actor" TEXT NULL,
            "BoroughId" TEXT NOT NULL,
            "DefinitionId" TEXT NOT NULL,
            "InstanceId" BLOB NOT NULL,
            "Name" TEXT NOT NULL,
            "On" TEXT NOT NULL,
            "RecordedAt" TEXT NOT NULL,
            "SubjectId" TEXT NOT NULL
            """;

        private const string MilestoneColumns =
            "\"Id\", \"Actor\", \"BoroughId\", \"DefinitionId\", \"InstanceId\", \"Name\", \"On\", \"RecordedAt\", \"SubjectId\"";

        private static readonly string[] JournalIndexes = ["CREATE INDEX \"IX_Journal_InstanceId_Id\" ON \"Journal\" (\"InstanceId\", \"Id\");"];

        private static readonly string[] MilestoneIndexes =
        [
            "CREATE INDEX \"IX_Milestones_BoroughId_Name_On\" ON \"Milestones\" (\"BoroughId\", \"Name\", \"On\");",
            "CREATE INDEX \"IX_Milestones_InstanceId_Name\" ON \"Milestones\" (\"InstanceId\", \"Name\");",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, "Milestones", Milestones, MilestoneColumns, MilestoneIndexes, autoincrement: false);
            Rebuild(migrationBuilder, "Journal", Journal, JournalColumns, JournalIndexes, autoincrement: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, "Milestones", Milestones, MilestoneColumns, MilestoneIndexes, autoincrement: true);
            Rebuild(migrationBuilder, "Journal", Journal, JournalColumns, JournalIndexes, autoincrement: true);
        }

        // The table made anew under a temporary name, its rows copied with their numbers, the old one dropped (its indexes
        // with it) and the new one renamed, then its indexes made again.
        private static void Rebuild(MigrationBuilder migrationBuilder, string table, string columns, string columnList, string[] indexes,
            bool autoincrement)
        {
            var made = $"{table}_new";
            var key = autoincrement ? " AUTOINCREMENT" : "";
            migrationBuilder.Sql($"CREATE TABLE \"{made}\" (\n{string.Format(System.Globalization.CultureInfo.InvariantCulture, columns, key)}\n);");
            migrationBuilder.Sql($"INSERT INTO \"{made}\" ({columnList}) SELECT {columnList} FROM \"{table}\";");
            migrationBuilder.Sql($"DROP TABLE \"{table}\";");
            migrationBuilder.Sql($"ALTER TABLE \"{made}\" RENAME TO \"{table}\";");
            foreach (var index in indexes) migrationBuilder.Sql(index);
        }
    }
}

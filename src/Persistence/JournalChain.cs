using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence;

/// <summary>
/// On SQLite an instance's journal is a chain, not an index: each entry names the instance's entry before it
/// (<c>Journal.Previous</c>, 0 for its first) and the instance names its newest (<c>Instances.LastJournalId</c>). An index of
/// the journal by instance put one entry for each unit of work at a place of its own in the index, a page of it written to
/// the log by each unit: a journal row cost 2.8 us rather than 0.8, a commit 267 us rather than 199, and the simulated
/// year of 10,000 pupils wrote an eighth more pages to the log (docs/benchmark-log.md, 5 December 2026). The new entries go
/// to the table's last page, and the instance's row, which most units write anyway, takes the newest's number.
/// <list type="bullet">
/// <item>The single writer chains its own rows (<see cref="SqliteWorkflowWriter"/>): each entry's predecessor is the one it
/// wrote just before for that instance, or the instance's newest as the writer holds it in memory from its earlier batches,
/// or else as the database holds it (read in the writer's transaction); after each change set each instance it wrote for
/// is given its newest once. The writer forgets what it holds when the journal's highest number at the start of a batch is
/// not the one it left (a row inserted by anyone else, chained by the trigger) and when a batch fails.</item>
/// <item>Any other insert (EF Core's, a shell's) leaves <c>Previous</c> NULL, and the trigger <see cref="Trigger"/> chains it,
/// in the same transaction. The writer's connection runs without triggers (it chains its own rows, and a trigger checked at
/// each of its inserts cost a quarter of a microsecond): a trigger added for anything else would not see the writer's
/// rows.</item>
/// <item>A read walks the chain back from the instance (<see cref="Of"/>), one row by its number at a time. PostgreSQL keeps its
/// index of the journal by instance (no single writer there, and its indexes are written by many connections at once):
/// there <see cref="Of"/> reads by it.</item>
/// </list>
/// The reports that read many instances' moves between states read them through a small index of those kinds only
/// (<see cref="MovesIndex"/>, a few in a hundred rows).
/// </summary>
public static class JournalChain
{
    /// <summary>The journal's column of the instance's entry before (0 for its first).</summary>
    public const string Previous = "Previous";

    /// <summary>The instances' column of their newest journal entry (NULL before the first).</summary>
    public const string Head = "LastJournalId";

    /// <summary>The trigger that chains a journal row inserted without <see cref="Previous"/>.</summary>
    public const string Trigger = "TR_Journal_Chain";

    /// <summary>The index of the entries that move an instance between states, by instance.</summary>
    public const string MovesIndex = "IX_Journal_Moves";

    /// <summary>The kinds <see cref="MovesIndex"/> holds, in the order its condition names them.</summary>
    public static readonly string[] MoveKinds = [JournalKinds.Closed, JournalKinds.Migrated, JournalKinds.Started, JournalKinds.Transition];

    /// <summary>
    /// The condition of <see cref="MovesIndex"/>: a query that names one of the kinds, or this whole condition as it is written
    /// here (EF Core writes <c>a || b || c || d</c> so), reads by it. Not <c>IN (...)</c>: SQLite makes a table of the list at
    /// every run of an insert, which cost each journal row about a microsecond.
    /// </summary>
    public static readonly string MovesFilter = string.Join(" OR ", MoveKinds.Select(k => $"\"Kind\" = '{k}'"));

    /// <summary>The trigger, as the migration makes it.</summary>
    public const string CreateTrigger = $"""
        CREATE TRIGGER "{Trigger}" AFTER INSERT ON "Journal" WHEN NEW."{Previous}" IS NULL
        BEGIN
            UPDATE "Journal" SET "{Previous}" = coalesce((SELECT "{Head}" FROM "Instances" WHERE "Id" = NEW."InstanceId"), 0)
                WHERE "Id" = NEW."Id";
            UPDATE "Instances" SET "{Head}" = NEW."Id" WHERE "Id" = NEW."InstanceId";
        END;
        """;

    /// <summary>The writer's journal insert, with the entry before it as its last value.</summary>
    internal static string ChainedInsert(string insertSql)
    {
        var values = insertSql.LastIndexOf(") VALUES (", StringComparison.Ordinal);
        return $"{insertSql[..values]}, \"{Previous}\"{insertSql[values..^1]}, @{Previous})";
    }

    /// <summary>
    /// The writer's read of an instance's newest entry, before the first it writes for it in a change set. Not a subquery of
    /// the insert: SQLite works out a subquery that does not depend on the row once at each run, needed or not, which made a
    /// journal row cost 4.6 us rather than 1.
    /// </summary>
    internal const string ReadHead = $"SELECT \"{Head}\" FROM \"Instances\" WHERE \"Id\" = @id";

    /// <summary>The writer's update of an instance's newest entry, once a change set for each instance it wrote for.</summary>
    internal const string SetHead = $"UPDATE \"Instances\" SET \"{Head}\" = @head WHERE \"Id\" = @id";

    // The instance's entries, newest first through the chain, then their rows: each step one row found by its number.
    private const string Walk = $"""
        WITH RECURSIVE "chain"("Id") AS (
            SELECT "{Head}" FROM "Instances" WHERE "Id" = {"{0}"} AND "{Head}" IS NOT NULL
            UNION ALL
            SELECT "j"."{Previous}" FROM "Journal" AS "j" JOIN "chain" AS "c" ON "j"."Id" = "c"."Id" WHERE "j"."{Previous}" > 0
        )
        SELECT * FROM "Journal" WHERE "Id" IN (SELECT "Id" FROM "chain")
        """;

    /// <summary>An instance's journal entries, as a query to order and page (on SQLite through the chain).</summary>
    public static IQueryable<JournalEntry> Of(SendWorkflowDbContext db, Guid instanceId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsSqlite()
            ? db.Journal.FromSqlRaw(Walk, GuidBytes.Of(instanceId)).AsNoTracking()
            : db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId);
    }
}

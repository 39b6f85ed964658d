using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SendWorkflow.Workflows.Runtime;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// On SQLite each instance's journal is a chain of its entries, kept by the single writer for its own rows and by a trigger
/// for anyone else's, and read back through it (<see cref="JournalChain"/>): the same entries, in the same order, as a
/// look at every row of the journal finds for the instance.
/// </summary>
public sealed class JournalChainTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    // The last migration before the chain.
    private const string Before = "20261204031418_JournalRowNumbers";

    private StoreOnFile _store = null!;

    public async ValueTask InitializeAsync() => _store = await StoreOnFile.OpenAsync("sendworkflow-chain-");

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task ANewDatabase_HasTheChainAndTheMovesIndex_AndNoIndexOfTheJournalByInstance()
    {
        using var connection = SqliteFiles.Open(_store.File);
        Assert.Equal(0L, SqliteFiles.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'IX_Journal_InstanceId_Id'"));
        Assert.Equal(1L, SqliteFiles.Scalar(connection,
            $"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = '{JournalChain.Trigger}'"));
        Assert.EndsWith($"WHERE {JournalChain.MovesFilter}",
            SqliteFiles.Text(connection, $"SELECT sql FROM sqlite_master WHERE name = '{JournalChain.MovesIndex}'"), StringComparison.Ordinal);
        Assert.Equal(1L, SqliteFiles.Scalar(connection, "SELECT count(*) FROM pragma_table_info('Journal') WHERE name = 'Previous'"));
        Assert.Equal(1L, SqliteFiles.Scalar(connection, "SELECT count(*) FROM pragma_table_info('Instances') WHERE name = 'LastJournalId'"));
    }

    [Fact]
    public async Task TheWritersEntries_AndOthersBetweenThem_AreOneChainAnInstance_ReadBackInOrder()
    {
        var ct = CancellationToken.None;
        var (a, b) = (NewInstance("a"), NewInstance("b"));
        // One unit starts both, with entries of the two interleaved; then units of each, some together in one batch.
        await using (var session = await _store.Store.OpenAsync(ct))
        {
            session.Add(a);
            session.Add(b);
            foreach (var (instance, detail) in new[] { (a, "a1"), (b, "b1"), (a, "a2"), (b, "b2"), (a, "a3") }) session.Add(Entry(instance, detail));
            await session.CommitAsync(ct);
        }
        await CommitTogetherAsync([(a, ["a4", "a5"]), (b, ["b3"]), (a, ["a6"])]);
        // Entries written through EF Core, outside the writer (a statutory exception, a year group's move): the trigger chains them.
        await using (var db = await _store.Factory.CreateDbContextAsync())
        {
            db.Journal.AddRange(Entry(b, "b4"), Entry(a, "a7"), Entry(b, "b5"));
            await db.SaveChangesAsync(ct);
        }
        await CommitTogetherAsync([(a, ["a8"]), (b, ["b6", "b7"])]);

        await using (var db = await _store.Factory.CreateDbContextAsync())
        {
            foreach (var (instance, count) in new[] { (a, 8), (b, 7) })
            {
                var all = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instance.Id).OrderBy(j => j.Id).ToListAsync(ct);
                var chained = await JournalChain.Of(db, instance.Id).OrderBy(j => j.Id).ToListAsync(ct);
                Assert.Equal(Enumerable.Range(1, count).Select(n => $"{instance.DefinitionId}{n}"), chained.Select(j => j.Detail));
                Assert.Equal(all.Select(j => j.Id), chained.Select(j => j.Id));
            }
            // An instance with no entry has an empty journal, and one unknown too.
            var none = NewInstance("c");
            Assert.Empty(await JournalChain.Of(db, none.Id).ToListAsync(ct));
        }
        using var connection = SqliteFiles.Open(_store.File);
        // Each entry names the one before it (the first, none), and the instance its newest.
        Assert.Equal(0L, SqliteFiles.Scalar(connection, """
            SELECT count(*) FROM "Journal" AS "j" WHERE "Previous" IS NOT (SELECT coalesce(max("p"."Id"), 0) FROM "Journal" AS "p"
                WHERE "p"."InstanceId" = "j"."InstanceId" AND "p"."Id" < "j"."Id")
            """));
        Assert.Equal(0L, SqliteFiles.Scalar(connection, """
            SELECT count(*) FROM "Instances" AS "i" WHERE "LastJournalId" IS NOT (SELECT max("Id") FROM "Journal" WHERE "InstanceId" = "i"."Id")
            """));
    }

    [Fact]
    public async Task AChangeSetRefusedInABatch_LeavesTheChainAsItWas()
    {
        var ct = CancellationToken.None;
        var a = NewInstance("a");
        await using (var session = await _store.Store.OpenAsync(ct))
        {
            session.Add(a);
            session.Add(Entry(a, "a1"));
            await session.CommitAsync(ct);
        }
        // A unit that read the instance before another moved it: refused, its entry with it, in the batch of the others.
        await using var stale = await _store.Store.OpenAsync(ct);
        var moved = (await stale.FindInstanceAsync(a.Id, ct))!;
        moved.ConcurrencyStamp++;
        stale.Add(Entry(a, "stale"));
        await using (var meanwhile = await _store.Store.OpenAsync(ct))
        {
            var now = (await meanwhile.FindInstanceAsync(a.Id, ct))!;
            now.ConcurrencyStamp++;
            meanwhile.Add(Entry(a, "a2"));
            await meanwhile.CommitAsync(ct);
        }
        var refused = stale.CommitAsync(ct);
        await CommitTogetherAsync([(a, ["a3"])]);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => refused);

        await using var db = await _store.Factory.CreateDbContextAsync();
        Assert.Equal(["a1", "a2", "a3"], (await JournalChain.Of(db, a.Id).OrderBy(j => j.Id).ToListAsync(ct)).Select(j => j.Detail));
    }

    [Fact]
    public async Task AnOlderDatabasesJournal_IsChainedByTheMigration_AndGoesOnFromIt()
    {
        var ct = CancellationToken.None;
        var (a, b) = (NewInstance("a"), NewInstance("b"));
        await using (var session = await _store.Store.OpenAsync(ct))
        {
            session.Add(a);
            session.Add(b);
            await session.CommitAsync(ct);
        }
        await using (var db = await _store.Factory.CreateDbContextAsync())
        {
            // Back to the database as it was before the chain, with journal rows written as they were then.
            await db.GetService<IMigrator>().MigrateAsync(Before, ct);
            using var old = SqliteFiles.Open(_store.File);
            Assert.Equal(1L, SqliteFiles.Scalar(old, "SELECT count(*) FROM sqlite_master WHERE name = 'IX_Journal_InstanceId_Id'"));
            var rows = new[] { (3, a, "a1"), (4, b, "b1"), (9, a, "a2"), (10, a, "a3"), (12, b, "b2") }
                .Select(r => $"({r.Item1}, x'{Hex(r.Item2.Id)}', '2026-12-01 09:00:00', 'note', 's', '{r.Item3}')");
            SqliteFiles.Execute(old, $"INSERT INTO Journal (Id, InstanceId, At, Kind, State, Detail) VALUES {string.Join(", ", rows)};");
        }
        await using (var db = await _store.Factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync(ct);
        }
        await CommitTogetherAsync([(a, ["a4"]), (b, ["b3"])]);

        await using (var db = await _store.Factory.CreateDbContextAsync())
        {
            Assert.Equal(["a1", "a2", "a3", "a4"], (await JournalChain.Of(db, a.Id).OrderBy(j => j.Id).ToListAsync(ct)).Select(j => j.Detail));
            Assert.Equal(["b1", "b2", "b3"], (await JournalChain.Of(db, b.Id).OrderBy(j => j.Id).ToListAsync(ct)).Select(j => j.Detail));
        }
        using var connection = SqliteFiles.Open(_store.File);
        Assert.Equal(0L, SqliteFiles.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'IX_Journal_InstanceId_Id'"));
        Assert.Equal(9L, SqliteFiles.Scalar(connection, "SELECT \"Previous\" FROM \"Journal\" WHERE \"Id\" = 10"));
        Assert.Equal(0L, SqliteFiles.Scalar(connection, "SELECT \"Previous\" FROM \"Journal\" WHERE \"Id\" = 4"));
    }

    // Each instance's entries in a unit of its own, the units of different instances committed together (one batch of the
    // writer, or a few); a unit of an instance already in the wave waits for the next (it would be refused: the stamp).
    private async Task CommitTogetherAsync(IEnumerable<(WorkflowInstance Instance, string[] Details)> units)
    {
        var waves = new List<List<(WorkflowInstance Instance, string[] Details)>>();
        foreach (var unit in units)
        {
            if (waves.Count == 0 || waves[^1].Any(u => u.Instance.Id == unit.Instance.Id)) waves.Add([]);
            waves[^1].Add(unit);
        }
        foreach (var wave in waves)
        {
            var sessions = new List<IWorkflowSession>();
            foreach (var (instance, details) in wave)
            {
                var session = await _store.Store.OpenAsync(CancellationToken.None);
                (await session.FindInstanceAsync(instance.Id, CancellationToken.None))!.ConcurrencyStamp++;
                foreach (var detail in details) session.Add(Entry(instance, detail));
                sessions.Add(session);
            }
            await Task.WhenAll(sessions.Select(s => s.CommitAsync(CancellationToken.None)));
            foreach (var session in sessions) await session.DisposeAsync();
        }
    }

    private static WorkflowInstance NewInstance(string name) => new()
    {
        Id = Guid.CreateVersion7(), DefinitionId = name, Version = 1, SubjectId = $"pupil-{name}", SchoolId = "s", BoroughId = "b",
        State = "a", Stage = 1, Status = InstanceStatus.Active, StartedAt = Now, EnteredStateAt = Now, UpdatedAt = Now, ConcurrencyStamp = 1,
    };

    private static JournalEntry Entry(WorkflowInstance instance, string detail) =>
        new() { InstanceId = instance.Id, At = Now, Kind = "note", State = instance.State, Detail = detail, Actor = "test" };

    private static string Hex(Guid id) => Convert.ToHexString(id.ToByteArray(bigEndian: true));
}

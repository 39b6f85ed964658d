using Microsoft.EntityFrameworkCore;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// The subjects' placements held between units of work on SQLite (<see cref="SubjectPlacementCache"/>): read once, then
/// taken without a read, and let go by every EF write to the pupils or the schools, also one inside a transaction when it
/// commits. On a real file.
/// </summary>
public sealed class SubjectPlacementCacheTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly CancellationToken None = CancellationToken.None;
    private StoreOnFile _store = null!;

    public async ValueTask InitializeAsync()
    {
        _store = await StoreOnFile.OpenAsync("sendworkflow-placements-", wal: true);
        await _store.AddPupilAsync(Now);
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private IDbContextFactory<SendWorkflowDbContext> Factory => _store.Factory;

    private IWorkflowStore Store => _store.Store;

    private SqliteWorkflowWriter Writer => _store.Writer;

    private async Task<SubjectPlacement?> PlacementAsync(string subjectId)
    {
        await using var unit = await Store.OpenAsync(None);
        return await unit.FindSubjectAsync(subjectId, None);
    }

    // Behind EF's back, as only a program other than the service could: what is held is then seen to be held.
    private void WriteByHand(string sql)
    {
        using var connection = SqliteFiles.Open(_store.File);
        SqliteFiles.Execute(connection, sql);
    }

    [Fact]
    public async Task APlacementReadOnce_IsTakenWithoutARead_UntilAnEfWriteToThePupils()
    {
        Assert.Equal(3, (await PlacementAsync("p"))!.YearGroup);
        var profile = Writer.Profile = new WriterProfile();
        WriteByHand("UPDATE Pupils SET YearGroup = 9 WHERE Id = 'p'");

        Assert.Equal(3, (await PlacementAsync("p"))!.YearGroup);
        Assert.Equal(0, profile.Reads);

        // As the year's move of year groups writes it.
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await db.Pupils.Where(p => p.Id == "p").ExecuteUpdateAsync(s => s.SetProperty(p => p.YearGroup, 4), None);
        }
        Assert.Equal(0, Writer.Subjects.Count);
        Assert.Equal(4, (await PlacementAsync("p"))!.YearGroup);
        Assert.Equal(1, profile.Reads);
    }

    [Fact]
    public async Task ASchoolsNewPhase_SavedInATransaction_IsSeenOnceItCommits()
    {
        Assert.Equal(new SubjectPlacement("p", "s", "b", 3), await PlacementAsync("p"));
        Assert.Equal(new SubjectPlacement("school:s", "s", "b", 0), await PlacementAsync("school:s"));
        Assert.Equal(2, Writer.Subjects.Count);
        await using var db = await Factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(None);
        (await db.Schools.SingleAsync(s => s.Id == "s", None)).Phase = SchoolPhases.Infant;
        (await db.Pupils.SingleAsync(p => p.Id == "p", None)).YearGroup = 2;
        await db.SaveChangesAsync(None);
        // Between the command and the commit a unit reads the placement as it was, and offers it.
        Assert.Equal(3, (await PlacementAsync("p"))!.YearGroup);
        Assert.Equal(1, Writer.Subjects.Count);

        await transaction.CommitAsync(None);

        Assert.Equal(0, Writer.Subjects.Count);
        Assert.Equal(new SubjectPlacement("p", "s", "b", 2) { Transfer = SchoolPhases.NextPhase }, await PlacementAsync("p"));
    }

    [Fact]
    public async Task APupilNotFound_IsNotHeld_AndIsFoundOnceAdded()
    {
        Assert.Null(await PlacementAsync("q"));
        Assert.Equal(0, Writer.Subjects.Count);
        WriteByHand("INSERT INTO Pupils (Id, Name, SchoolId, YearGroup, DateOfBirth, CreatedAt, LookedAfter) "
            + "VALUES ('q', 'Pupil', 's', 5, '2017-01-02', '2026-12-03 09:00:00', 1)");

        Assert.Equal(new SubjectPlacement("q", "s", "b", 5, true), await PlacementAsync("q"));
    }

    [Fact]
    public void AnOfferNotedBeforeAWrite_IsRefused_AndTheCacheStaysWithinItsCapacity()
    {
        var cache = new SubjectPlacementCache(capacity: 2);
        var noted = cache.Writes;
        cache.Clear();
        cache.Offer("p", new SubjectPlacement("p", "s", "b", 3), noted);
        Assert.Null(cache.Find("p"));

        foreach (var id in new[] { "a", "b", "c" }) cache.Offer(id, new SubjectPlacement(id, "s", "b", 1), cache.Writes);
        Assert.Equal(1, cache.Count);
        Assert.NotNull(cache.Find("c"));
    }

    [Theory]
    [InlineData("UPDATE \"Pupils\" SET \"YearGroup\" = @p0 WHERE \"Id\" = @p1", true)]
    [InlineData("INSERT INTO \"Schools\" (\"Id\") VALUES (@p0);", true)]
    [InlineData("DELETE FROM Pupils WHERE Id = 'p'", true)]
    [InlineData("SELECT \"p\".\"Id\" FROM \"Pupils\" AS \"p\"", false)]
    [InlineData("INSERT INTO \"PupilNotes\" (\"Id\") VALUES (@p0);", false)]
    public void AWriteOfPupilsOrSchools_IsRecognised(string sql, bool changes) =>
        Assert.Equal(changes, OutsideWriteInterceptor.ChangesSubjects(sql));
}

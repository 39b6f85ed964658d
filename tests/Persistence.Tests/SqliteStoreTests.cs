using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Workflows.Runtime;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Persistence.Tests;

/// <summary>The runtime's store on a real SQLite file: what the single writer writes, EF reads back the same.</summary>
public sealed class SqliteStoreTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 15, 30, 123, DateTimeKind.Utc);
    private StoreOnFile _store = null!;

    public async ValueTask InitializeAsync()
    {
        _store = await StoreOnFile.OpenAsync("sendworkflow-persistence-");
        await _store.AddPupilAsync(Now);
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private IDbContextFactory<SendWorkflowDbContext> Factory => _store.Factory;

    private IWorkflowStore Store => _store.Store;

    [Fact]
    public async Task TheModel_HasNoChangesWithoutAMigration()
    {
        await using var db = await Factory.CreateDbContextAsync();
        Assert.False(db.Database.HasPendingModelChanges(), "The EF model changed: add a migration (dotnet ef migrations add).");
    }

    [Fact]
    public async Task EverythingTheWriterWrites_ReadsBackTheSameThroughEf()
    {
        var (instance, task, timer) = NewCase();
        await using (var session = await Store.OpenAsync(CancellationToken.None))
        {
            session.Add(instance);
            session.Add(task);
            session.Add(timer);
            session.Add(new JournalEntry { InstanceId = instance.Id, At = Now, Kind = "started", State = "a", Detail = "Started.", Actor = "t" });
            session.Add(new Milestone
            {
                InstanceId = instance.Id, DefinitionId = "d", BoroughId = "b", SubjectId = "p", Name = "m", On = new DateOnly(2026, 11, 30),
                RecordedAt = Now, Actor = "t",
            });
            await session.CommitAsync(CancellationToken.None);
        }

        await using var db = await Factory.CreateDbContextAsync();
        AssertSame(instance, await db.Instances.AsNoTracking().SingleAsync());
        AssertSame(task, await db.Tasks.AsNoTracking().SingleAsync());
        AssertSame(timer, await db.Timers.AsNoTracking().SingleAsync());
        var journal = await db.Journal.AsNoTracking().SingleAsync();
        Assert.Equal((instance.Id, Now, "Started."), (journal.InstanceId, journal.At, journal.Detail));
        var milestone = await db.Milestones.AsNoTracking().SingleAsync();
        Assert.Equal(("p", new DateOnly(2026, 11, 30), Now), (milestone.SubjectId, milestone.On, milestone.RecordedAt));
    }

    [Fact]
    public async Task EveryColumnTheWriterWrites_IsStoredAsEfStoresIt()
    {
        // The writer binds values itself (PreparedStatement); EF's queries compare with what EF would have written, so the
        // stored text must be the same to the byte: GUIDs' case, instants' fractions, dates, enums as names, nulls.
        var (instance, task, timer) = NewCase();
        (task.CompletedAt, task.Outcome, timer.FiredAt) = (Now.AddTicks(4_560), "done", Now.AddSeconds(1));
        var journal = new JournalEntry { InstanceId = instance.Id, At = Now, Kind = "started", State = "a", Detail = "Started.", Actor = "t" };
        await using (var session = await Store.OpenAsync(CancellationToken.None))
        {
            session.Add(instance);
            session.Add(task);
            session.Add(timer);
            session.Add(journal);
            await session.CommitAsync(CancellationToken.None);
        }
        var tables = new[] { "Instances", "Tasks", "Timers", "Journal" };
        var written = new Dictionary<string, string>();
        foreach (var table in tables) written[table] = await StoredAsync(table);

        await using (var db = await Factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM \"Journal\"; DELETE FROM \"Timers\"; DELETE FROM \"Tasks\"; DELETE FROM \"Instances\";");
            db.AddRange(instance, task, timer, journal);
            await db.SaveChangesAsync();
        }
        foreach (var table in tables) Assert.Equal(await StoredAsync(table), written[table]);
    }

    /// <summary>Every column of the table's one row as SQLite holds it (its storage class and literal), but the journal's row number.</summary>
    private async Task<string> StoredAsync(string table)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {string.Join(" || ' ' || ", columns.Where(c => table != "Journal" || c != "Id")
            .Select(c => $"'{c}=' || typeof(\"{c}\") || ':' || quote(\"{c}\")"))} FROM \"{table}\"";
        return (string)(await select.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task WhatTheEngineReads_IsWhatEfReads_EveryColumnAndKind()
    {
        // The engine's reads on SQLite go through prepared statements of their own (SqliteSessionReads), not EF: each
        // entity must come back as EF reads it, instants as UTC, nulls as nulls, enums by name, to the tick.
        var (instance, open, pending) = NewCase();
        instance.MeasureHistory = "[1,2]";
        instance.ParentInstanceId = Guid.CreateVersion7();
        var bare = NewCase().Item2;
        (bare.InstanceId, bare.Form, bare.Raises, bare.RepeatsAt, bare.WarnOn, bare.Assignee, bare.AssignedAt, bare.StartBy, bare.Priority) =
            (instance.Id, null, null, null, null, null, null, null, TaskPriority.Normal);
        var done = NewCase().Item2;
        (done.InstanceId, done.DefinitionTaskId, done.Status, done.CompletedAt, done.CompletedBy, done.Outcome, done.Notes) =
            (instance.Id, "done", WorkTaskStatus.Completed, Now.AddTicks(4_567), "Sam", "little", "Notes, with ' and \"");
        (done.WarnedAt, done.EscalatedAt, done.EscalationOf) = (Now.AddMinutes(1), Now.AddHours(2), open.Id);
        var fired = NewCase().Item3;
        (fired.InstanceId, fired.Status, fired.FiredAt) = (instance.Id, TimerStatus.Fired, Now.AddTicks(1));
        await using (var session = await Store.OpenAsync(CancellationToken.None))
        {
            session.Add(instance);
            foreach (var t in new[] { open, bare, done }) session.Add(t);
            session.Add(pending);
            session.Add(fired);
            foreach (var on in new[] { new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 2) })
            {
                session.Add(new Milestone
                {
                    InstanceId = instance.Id, DefinitionId = "d", BoroughId = "b", SubjectId = "p", Name = "m", On = on,
                    RecordedAt = Now, Actor = "t",
                });
            }
            await session.CommitAsync(CancellationToken.None);
        }
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await db.Schools.Where(s => s.Id == "s").ExecuteUpdateAsync(u => u.SetProperty(s => s.Phase, SchoolPhases.Infant));
            await db.Pupils.Where(p => p.Id == "p").ExecuteUpdateAsync(u => u.SetProperty(p => p.LookedAfter, true).SetProperty(p => p.YearGroup, 2));
        }

        await using var ef = await Factory.CreateDbContextAsync();
        await using var read = await Store.OpenAsync(CancellationToken.None);
        var ct = CancellationToken.None;
        AssertSameJson(await ef.Instances.AsNoTracking().SingleAsync(), await read.FindInstanceAsync(instance.Id, ct));
        AssertSameJson(await ef.Tasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open).OrderBy(t => t.Id).ToListAsync(),
            (await read.OpenTasksAsync(instance.Id, ct)).OrderBy(t => t.Id).ToList());
        AssertSameJson(await ef.Tasks.AsNoTracking().SingleAsync(t => t.Id == done.Id), await read.FindTaskAsync(done.Id, ct));
        AssertSameJson(await ef.Tasks.AsNoTracking().OrderBy(t => t.Id).ToListAsync(),
            (await read.FindTasksAsync([done.Id, bare.Id, open.Id, Guid.NewGuid()], ct)).OrderBy(t => t.Id).ToList());
        AssertSameJson(await ef.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending).ToListAsync(),
            await read.PendingTimersAsync(instance.Id, ct));
        AssertSameJson(await ef.Timers.AsNoTracking().SingleAsync(t => t.Id == fired.Id), await read.FindTimerAsync(fired.Id, ct));
        Assert.Equal(instance.Id, await read.FindActiveInstanceAsync("p", "d", ct));
        Assert.Null(await read.FindActiveInstanceAsync("p", "other", ct));
        Assert.True(await read.HasTaskAsync(instance.Id, "done", ct));
        Assert.False(await read.HasTaskAsync(instance.Id, "never", ct));
        Assert.Equal(new DateOnly(2026, 11, 2), await read.LatestMilestoneAsync(instance.Id, "m", ct));
        Assert.Null(await read.LatestMilestoneAsync(instance.Id, "none", ct));
        Assert.Equal(new SubjectPlacement("p", "s", "b", 2, true) { Transfer = SchoolPhases.NextPhase }, await read.FindSubjectAsync("p", ct));
        Assert.Equal(new SubjectPlacement("school:s", "s", "b", 0), await read.FindSubjectAsync("school:s", ct));
        Assert.Null(await read.FindSubjectAsync("nobody", ct));
        Assert.Null(await read.FindInstanceAsync(Guid.NewGuid(), ct));
    }

    [Fact]
    public async Task TheDispatchersAndTheRoundsQueries_FindWhatEfFinds_InTheSameOrder()
    {
        // On SQLite they are statements of their own (SqliteTimerQueries), not EF's: the same timers and tasks must come back,
        // in the same order and within the same limit. Every case each query's conditions tell apart, on both sides of its day.
        var (instance, _, _) = NewCase();
        var today = new DateOnly(2026, 12, 2);
        var tasks = new List<WorkTask>();
        var timers = new List<WorkflowTimer>();
        for (var i = 0; i < 40; i++)
        {
            var (_, task, timer) = NewCase();
            (task.InstanceId, timer.InstanceId) = (instance.Id, instance.Id);
            task.DueOn = today.AddDays(i % 9 - 4);
            task.WarnOn = i % 5 == 0 ? null : task.DueOn.AddDays(-(i % 4));
            task.Status = (i % 7) switch { 0 => WorkTaskStatus.Completed, 1 => WorkTaskStatus.Cancelled, _ => WorkTaskStatus.Open };
            (task.WarnedAt, task.EscalatedAt) = (i % 6 == 0 ? Now : null, i % 8 == 0 ? Now : null);
            timer.DueAt = Now.AddHours(i % 11 * 7 - 30);
            timer.Status = i % 6 == 0 ? TimerStatus.Fired : i % 10 == 3 ? TimerStatus.Cancelled : TimerStatus.Pending;
            tasks.Add(task);
            timers.Add(timer);
        }
        await using (var session = await Store.OpenAsync(CancellationToken.None))
        {
            session.Add(instance);
            foreach (var t in tasks) session.Add(t);
            foreach (var t in timers) session.Add(t);
            await session.CommitAsync(CancellationToken.None);
        }

        var sqlite = _store.Services.GetRequiredService<ITimerQueries>();
        Assert.IsType<SendWorkflow.Persistence.Sqlite.SqliteTimerQueries>(sqlite);
        var ef = new SendWorkflow.Persistence.Writing.TimerQueries(Factory);
        var ct = CancellationToken.None;
        Assert.Equal(await ef.NextDueAsync(ct), await sqlite.NextDueAsync(ct));
        Assert.Equal(DateTimeKind.Utc, (await sqlite.NextDueAsync(ct))!.Value.Kind);
        foreach (var max in new[] { 3, 500 })
        {
            foreach (var upTo in new[] { Now.AddHours(-31), Now, Now.AddDays(2) })
            {
                var found = await sqlite.DueTimersAsync(upTo, max, ct);
                Assert.Equal(await ef.DueTimersAsync(upTo, max, ct), found);
                Assert.All(found, t => Assert.Equal(DateTimeKind.Utc, t.DueAt.Kind));
            }
            foreach (var day in new[] { today.AddDays(-5), today, today.AddDays(3) })
            {
                Assert.Equal(await ef.TasksToWarnAsync(day, max, ct), await sqlite.TasksToWarnAsync(day, max, ct));
                Assert.Equal(await ef.OverdueTasksAsync(day, max, ct), await sqlite.OverdueTasksAsync(day, max, ct));
            }
        }
        Assert.NotEmpty(await sqlite.DueTimersAsync(Now, 500, ct));
        Assert.NotEmpty(await sqlite.TasksToWarnAsync(today, 500, ct));
        Assert.NotEmpty(await sqlite.OverdueTasksAsync(today, 500, ct));
    }

    // The same JSON: every property, and each instant's kind (UTC is written with its "Z").
    private static void AssertSameJson<T>(T expected, T actual) =>
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected), System.Text.Json.JsonSerializer.Serialize(actual));

    [Fact]
    public async Task AChangeReadBeforeAnotherLanded_IsAConflict_AndChangesNothing()
    {
        var (instance, _, _) = NewCase();
        await SeedAsync(instance);
        await using var first = await Store.OpenAsync(CancellationToken.None);
        await using var second = await Store.OpenAsync(CancellationToken.None);
        var a = (await first.FindInstanceAsync(instance.Id, CancellationToken.None))!;
        var b = (await second.FindInstanceAsync(instance.Id, CancellationToken.None))!;
        a.State = "first";
        a.ConcurrencyStamp++;
        b.State = "second";
        b.ConcurrencyStamp++;

        await first.CommitAsync(CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.CommitAsync(CancellationToken.None));

        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal("first", (await db.Instances.AsNoTracking().SingleAsync()).State);
    }

    [Fact]
    public async Task AUnitOfWorksReads_SeeOneSnapshot_WhichItLetsGoBeforeItsChangesAreWritten()
    {
        var ct = CancellationToken.None;
        var (instance, task, _) = NewCase();
        await SeedAsync(instance);
        // An instance whose state is not held between units (InstanceStateCacheTests has those): its first read opens the snapshot.
        _store.Writer.States.Clear();
        await using var unit = await Store.OpenAsync(ct);
        var read = (await unit.FindInstanceAsync(instance.Id, ct))!;
        await using (var other = await Store.OpenAsync(ct))
        {
            other.Add(task);
            await other.CommitAsync(ct);
        }

        // The unit's later reads come from the snapshot its first read took: the task committed since is not in it.
        Assert.False(await unit.HasTaskAsync(instance.Id, task.DefinitionTaskId, ct));
        Assert.Empty(await unit.OpenTasksAsync(instance.Id, ct));
        // While it reads, the log cannot be emptied (its snapshot is in it); once it commits, it can, the unit not yet disposed.
        Assert.True(await TruncateLogAsync() == 1, "The unit's reads held no snapshot.");
        read.State = "b";
        read.ConcurrencyStamp++;
        await unit.CommitAsync(ct);
        Assert.Equal(0, await TruncateLogAsync());
        // A read after its commit sees the database as it stands now.
        Assert.True(await unit.HasTaskAsync(instance.Id, task.DefinitionTaskId, ct));
    }

    /// <summary>A TRUNCATE checkpoint that waits for no one: 1 when a reader's snapshot held it back, 0 when the log was emptied.</summary>
    private async Task<long> TruncateLogAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_store.File};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=0;";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.GetInt64(0);
    }

    [Fact]
    public async Task AChangeSetRefusedAfterItWroteRows_LeavesNoneOfThem_AndTheOthersCommittedBesideItStand()
    {
        // The writer writes a batch without savepoints; a change set refused by a later statement (a stale task, after its
        // instance's update was written) makes it write the batch again, each change set in a savepoint of its own.
        var (instance, task, _) = NewCase();
        await SeedAsync(instance, task);
        var ct = CancellationToken.None;
        await using var stale = await Store.OpenAsync(ct);
        var moved = (await stale.FindInstanceAsync(instance.Id, ct))!;
        (moved.State, moved.ConcurrencyStamp) = ("moved", moved.ConcurrencyStamp + 1);
        (await stale.FindTaskAsync(task.Id, ct))!.Status = WorkTaskStatus.Cancelled;
        stale.Add(new JournalEntry { InstanceId = instance.Id, At = Now, Kind = "note", State = "moved", Detail = "stale", Actor = "t" });
        await using (var meanwhile = await Store.OpenAsync(ct))
        {
            (await meanwhile.FindTaskAsync(task.Id, ct))!.Assignee = "staff-9";
            await meanwhile.CommitAsync(ct);
        }
        var others = Enumerable.Range(0, 6).Select(i =>
        {
            var (other, _, _) = NewCase();
            other.DefinitionId = $"other-{i}";
            return other;
        }).ToList();
        // Queued one after another without waiting, so that they land in one batch (or in a few: the outcome is the same).
        var sessions = new List<IWorkflowSession>();
        foreach (var other in others)
        {
            sessions.Add(await Store.OpenAsync(ct));
            sessions[^1].Add(other);
        }
        var commits = new List<Task>();
        for (var i = 0; i < sessions.Count; i++)
        {
            if (i == 3) commits.Add(stale.CommitAsync(ct));
            commits.Add(sessions[i].CommitAsync(ct));
        }

        var refused = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => commits[3]);
        Assert.Equal(instance.Id, refused.InstanceId);
        await Task.WhenAll(commits.Where((_, i) => i != 3));
        await using var db = await Factory.CreateDbContextAsync();
        var stored = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instance.Id);
        Assert.Equal(("a", instance.ConcurrencyStamp), (stored.State, stored.ConcurrencyStamp));
        Assert.Equal(WorkTaskStatus.Open, (await db.Tasks.AsNoTracking().SingleAsync()).Status);
        Assert.False(await db.Journal.AnyAsync(j => j.Detail == "stale"));
        var committed = await db.Instances.Where(i => i.Id != instance.Id).Select(i => i.Id).ToListAsync();
        Assert.Equal(others.Select(o => o.Id).Order(), committed.Order());
        foreach (var session in sessions) await session.DisposeAsync();
    }

    [Fact]
    public async Task ABatchsNewRows_LandWhole_EachInstancesJournalInOrder_AndARefusedChangeSetLeavesNoneOfItsOwn()
    {
        // Many change sets committed together: one refused at its first statement (a stale instance) must leave no row, one
        // whose new task a constraint refuses (its id already taken) is told apart by writing the batch again in savepoints,
        // and every other lands whole, each instance's journal in its order. (Written for the batch's new rows made several
        // to a statement, tried and left out on 3 December; it holds the writer as it is.)
        var ct = CancellationToken.None;
        var (instance, task, _) = NewCase();
        await SeedAsync(instance, task);
        await using var stale = await Store.OpenAsync(ct);
        var moved = (await stale.FindInstanceAsync(instance.Id, ct))!;
        (moved.State, moved.ConcurrencyStamp) = ("moved", moved.ConcurrencyStamp + 1);
        stale.Add(new JournalEntry { InstanceId = instance.Id, At = Now, Kind = "note", State = "moved", Detail = "stale", Actor = "t" });
        await using (var meanwhile = await Store.OpenAsync(ct))
        {
            var now = (await meanwhile.FindInstanceAsync(instance.Id, ct))!;
            (now.State, now.ConcurrencyStamp) = ("b", now.ConcurrencyStamp + 1);
            await meanwhile.CommitAsync(ct);
        }
        await using var taken = await Store.OpenAsync(ct);
        var (takenCase, _, _) = NewCase();
        takenCase.DefinitionId = "taken";
        taken.Add(takenCase);
        taken.Add(new WorkTask
        {
            Id = task.Id, InstanceId = takenCase.Id, SubjectId = "p", SchoolId = "s", State = "a", DefinitionTaskId = "t", Title = "Again",
            Role = "senco", Kind = "action", DueOn = new DateOnly(2026, 12, 7), CreatedAt = Now, EscalateTo = "senco",
        });
        var cases = new List<(WorkflowInstance Instance, WorkTask Task, WorkflowTimer Timer)>();
        var sessions = new List<IWorkflowSession>();
        for (var i = 0; i < 40; i++)
        {
            var (other, otherTask, otherTimer) = NewCase();
            other.DefinitionId = $"other-{i}";
            (otherTask.InstanceId, otherTimer.InstanceId) = (other.Id, other.Id);
            cases.Add((other, otherTask, otherTimer));
            sessions.Add(await Store.OpenAsync(ct));
            sessions[^1].Add(other);
            sessions[^1].Add(otherTask);
            sessions[^1].Add(otherTimer);
            for (var n = 0; n < 3; n++)
                sessions[^1].Add(new JournalEntry { InstanceId = other.Id, At = Now, Kind = "note", State = "a", Detail = $"{i}.{n}", Actor = "t" });
        }
        // Queued one after another without waiting, so that they land in one batch or a few.
        var commits = new List<Task>();
        for (var i = 0; i < sessions.Count; i++)
        {
            if (i == 10) commits.Add(stale.CommitAsync(ct));
            if (i == 20) commits.Add(taken.CommitAsync(ct));
            commits.Add(sessions[i].CommitAsync(ct));
        }

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => commits[10]);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => commits[21]);
        Assert.Contains("UNIQUE", refused.Message, StringComparison.Ordinal);
        await Task.WhenAll(commits.Where((_, i) => i is not 10 and not 21));
        await using var db = await Factory.CreateDbContextAsync();
        Assert.False(await db.Journal.AnyAsync(j => j.Detail == "stale"));
        Assert.False(await db.Instances.AnyAsync(i => i.DefinitionId == "taken"));
        Assert.Equal("Review", (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id)).Title);
        var journal = await db.Journal.AsNoTracking().OrderBy(j => j.Id).ToListAsync();
        for (var i = 0; i < cases.Count; i++)
        {
            var (other, otherTask, otherTimer) = cases[i];
            AssertSame(otherTask, await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == otherTask.Id));
            AssertSame(otherTimer, await db.Timers.AsNoTracking().SingleAsync(t => t.Id == otherTimer.Id));
            Assert.Equal([$"{i}.0", $"{i}.1", $"{i}.2"], journal.Where(j => j.InstanceId == other.Id).Select(j => j.Detail));
        }
        foreach (var session in sessions) await session.DisposeAsync();
    }

    [Fact]
    public async Task AnUpdate_SetsTheColumnsTheUnitOfWorkChanged_AndLeavesTheOthersAsTheyStand()
    {
        // SQLite rewrites the entries of every index holding a column an UPDATE sets, changed or not, so the writer sets
        // only what changed. To see it: columns the unit of work did not change are changed behind its back (its guards
        // left alone), and must still hold that after it commits; a writer setting every column would put back what it read.
        var (instance, task, timer) = NewCase();
        await SeedAsync(instance, task);
        var ct = CancellationToken.None;
        await using (var session = await Store.OpenAsync(ct))
        {
            session.Add(timer);
            await session.CommitAsync(ct);
        }
        await using var unit = await Store.OpenAsync(ct);
        var i = (await unit.FindInstanceAsync(instance.Id, ct))!;
        var t = (await unit.FindTaskAsync(task.Id, ct))!;
        var m = (await unit.PendingTimersAsync(instance.Id, ct)).Single();
        (i.State, i.Stage, i.UpdatedAt, i.ConcurrencyStamp) = ("b", 2, Now.AddHours(1), i.ConcurrencyStamp + 1);
        (t.Status, t.CompletedAt, t.CompletedBy) = (WorkTaskStatus.Completed, Now.AddHours(1), "staff-1");
        (m.Status, m.FiredAt) = (TimerStatus.Fired, Now.AddHours(1));
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await db.Instances.ExecuteUpdateAsync(s => s.SetProperty(x => x.MeasureHistory, "outside").SetProperty(x => x.EnteredBy, "outside"), ct);
            await db.Tasks.ExecuteUpdateAsync(s => s.SetProperty(x => x.Title, "outside").SetProperty(x => x.Assignee, "outside"), ct);
            await db.Timers.ExecuteUpdateAsync(s => s.SetProperty(x => x.Raises, "outside"), ct);
        }

        await unit.CommitAsync(ct);

        await using var read = await Factory.CreateDbContextAsync();
        var si = await read.Instances.AsNoTracking().SingleAsync(ct);
        var st = await read.Tasks.AsNoTracking().SingleAsync(ct);
        var sm = await read.Timers.AsNoTracking().SingleAsync(ct);
        Assert.Equal(("b", 2, Now.AddHours(1), instance.ConcurrencyStamp + 1, "outside", "outside"),
            (si.State, si.Stage, si.UpdatedAt, si.ConcurrencyStamp, si.MeasureHistory, si.EnteredBy));
        Assert.Equal((WorkTaskStatus.Completed, Now.AddHours(1), "staff-1", task.Revision + 1, "outside", "outside"),
            (st.Status, st.CompletedAt, st.CompletedBy, st.Revision, st.Title, st.Assignee));
        Assert.Equal((TimerStatus.Fired, Now.AddHours(1), "outside"), (sm.Status, sm.FiredAt, sm.Raises));
    }

    [Fact]
    public async Task ATaskGivenToSomeoneElse_IsWritten_AndAChangeReadBeforeItIsAConflict()
    {
        var (instance, task, _) = NewCase();
        await SeedAsync(instance, task);
        await using var assigning = await Store.OpenAsync(CancellationToken.None);
        await using var completing = await Store.OpenAsync(CancellationToken.None);
        var assigned = (await assigning.FindTaskAsync(task.Id, CancellationToken.None))!;
        var completed = (await completing.FindTaskAsync(task.Id, CancellationToken.None))!;
        // Only who holds it, its start-by day and its priority change: the session must still see a change to write.
        assigned.Assignee = "staff-2";
        assigned.StartBy = new DateOnly(2026, 12, 3);
        assigned.Priority = TaskPriority.Low;
        completed.Status = WorkTaskStatus.Completed;

        await assigning.CommitAsync(CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => completing.CommitAsync(CancellationToken.None));

        await using var db = await Factory.CreateDbContextAsync();
        var stored = await db.Tasks.AsNoTracking().SingleAsync();
        Assert.Equal(("staff-2", new DateOnly(2026, 12, 3), TaskPriority.Low, WorkTaskStatus.Open, 4),
            (stored.Assignee, stored.StartBy, stored.Priority, stored.Status, stored.Revision));
    }

    [Fact]
    public async Task AParentsLinkSpentWithATask_IsWrittenInItsTransaction_AndOneSpentMeanwhile_LeavesTheTaskOpen()
    {
        var (instance, task, _) = NewCase();
        var second = NewCase().Item2;
        second.InstanceId = instance.Id;
        await using (var session = await Store.OpenAsync(CancellationToken.None))
        {
            session.Add(instance);
            session.Add(task);
            session.Add(second);
            await session.CommitAsync(CancellationToken.None);
        }
        var (link, revoked) = (NewLink(task.Id), NewLink(second.Id));
        await using (var db = await Factory.CreateDbContextAsync())
        {
            db.ParentLinks.AddRange(link, revoked);
            await db.SaveChangesAsync();
        }

        await CompleteSpendingAsync(task.Id, link);
        // The second link is revoked after it was read: completing its task with it is refused whole.
        await using (var db = await Factory.CreateDbContextAsync())
        {
            var stored = await db.ParentLinks.SingleAsync(l => l.Id == revoked.Id);
            (stored.RevokedAt, stored.RevokedBy, stored.Revision) = (Now, "SENCo", stored.Revision + 1);
            await db.SaveChangesAsync();
        }
        await Assert.ThrowsAsync<Sqlite.ParentLinkSpentException>(() => CompleteSpendingAsync(second.Id, revoked));

        await using var read = await Factory.CreateDbContextAsync();
        AssertSame(link, await read.ParentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id));
        Assert.Equal(WorkTaskStatus.Completed, (await read.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id)).Status);
        Assert.Equal(WorkTaskStatus.Open, (await read.Tasks.AsNoTracking().SingleAsync(t => t.Id == second.Id)).Status);
        var notUsed = await read.ParentLinks.AsNoTracking().SingleAsync(l => l.Id == revoked.Id);
        Assert.Equal((null, Now, 1), (notUsed.UsedAt, notUsed.RevokedAt, notUsed.Revision));
    }

    // What the parent's answer does through the engine: the task completed, the link used up, in one unit of work.
    private async Task CompleteSpendingAsync(Guid taskId, ParentLinkRecord link)
    {
        await using var session = await Store.OpenAsync(CancellationToken.None);
        var task = (await session.FindTaskAsync(taskId, CancellationToken.None))!;
        (task.Status, task.CompletedAt, task.CompletedBy) = (WorkTaskStatus.Completed, Now, "from the parent");
        var read = link.Revision;
        (link.UsedAt, link.Revision) = (Now, read + 1);
        using (Sqlite.ParentLinkScope.Spend(link, read))
            await session.CommitAsync(CancellationToken.None);
    }

    /// <summary>An instance and its tasks, written through the store as the engine writes them.</summary>
    private async Task SeedAsync(WorkflowInstance instance, params WorkTask[] tasks)
    {
        await using var session = await Store.OpenAsync(CancellationToken.None);
        session.Add(instance);
        foreach (var task in tasks) session.Add(task);
        await session.CommitAsync(CancellationToken.None);
    }

    private static ParentLinkRecord NewLink(Guid taskId) => new()
    {
        Id = Guid.CreateVersion7(), PupilId = "p", SchoolId = "s", Form = "parent-voice", TaskId = taskId,
        TokenHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32), CreatedAt = Now, CreatedById = "u1",
        CreatedBy = "Sam Patel", ExpiresAt = Now.AddDays(14),
    };

    private static (WorkflowInstance, WorkTask, WorkflowTimer) NewCase()
    {
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(), DefinitionId = "d", Version = 2, SubjectId = "p", SchoolId = "s", BoroughId = "b", State = "a",
            Stage = 1, Status = InstanceStatus.Active, StartedAt = Now, EnteredStateAt = Now, EnteredBy = "start", EnteredVia = "",
            LastProgress = Rules.Progress.Little, ReviewsInStage = 2, ReviewsWithoutProgress = 1, UpdatedAt = Now, ConcurrencyStamp = 1,
        };
        var task = new WorkTask
        {
            Id = Guid.CreateVersion7(), InstanceId = instance.Id, SubjectId = "p", SchoolId = "s", State = "a", DefinitionTaskId = "t",
            Title = "Review", Role = "class-teacher", Kind = "review", Form = "review", DueOn = new DateOnly(2026, 12, 7),
            Status = WorkTaskStatus.Open, CreatedAt = Now, Raises = "review.completed", RepeatsAt = "target-review",
            WarnOn = new DateOnly(2026, 12, 2), EscalateTo = "senco", Revision = 3, Assignee = "staff-1", AssignedAt = Now,
            StartBy = new DateOnly(2026, 12, 1), Priority = TaskPriority.High,
        };
        var timer = new WorkflowTimer
        {
            Id = Guid.CreateVersion7(), InstanceId = instance.Id, State = "a", TimerId = "review", DueAt = Now.AddDays(7), Raises = "review.due",
            Status = TimerStatus.Pending, CreatedAt = Now,
        };
        return (instance, task, timer);
    }

    /// <summary>Every public property the same: a column the writer forgot or wrote differently shows here.</summary>
    private static void AssertSame<T>(T expected, T actual)
    {
        foreach (var p in typeof(T).GetProperties())
        {
            Assert.True(Equals(p.GetValue(expected), p.GetValue(actual)),
                $"{typeof(T).Name}.{p.Name}: wrote {p.GetValue(expected)}, read {p.GetValue(actual)}");
        }
    }
}

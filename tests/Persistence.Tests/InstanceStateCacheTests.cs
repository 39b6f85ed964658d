using Microsoft.EntityFrameworkCore;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Persistence.Writing;
using SendWorkflow.Workflows.Runtime;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// The instances' state held between units of work on SQLite: kept true by the writer's commits, never filled with rows
/// older than a commit, emptied by writes from outside the writer, and handed out as copies.
/// </summary>
public sealed class InstanceStateCacheTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly CancellationToken None = CancellationToken.None;
    private StoreOnFile _store = null!;

    public async ValueTask InitializeAsync() => _store = await StoreOnFile.OpenAsync("sendworkflow-states-", wal: true);

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private IDbContextFactory<SendWorkflowDbContext> Factory => _store.Factory;

    private IWorkflowStore Store => _store.Store;

    private SqliteWorkflowWriter Writer => _store.Writer;

    [Fact]
    public async Task AnInstanceJustStarted_IsReadWithItsTasksAndTimers_WithoutADatabaseRead()
    {
        var (instance, task, timer) = NewCase();
        await CommitAsync(s =>
        {
            s.Add(instance);
            s.Add(task);
            s.Add(timer);
        });
        var profile = Writer.Profile = new WriterProfile();

        await using var unit = await Store.OpenAsync(None);
        var read = await unit.FindInstanceAsync(instance.Id, None);
        var open = await unit.OpenTasksAsync(instance.Id, None);
        var pending = await unit.PendingTimersAsync(instance.Id, None);

        Assert.Equal((instance.Id, "a", 1), (read!.Id, read.State, read.ConcurrencyStamp));
        Assert.Equal(task.Id, Assert.Single(open).Id);
        Assert.Equal(timer.Id, Assert.Single(pending).Id);
        Assert.Equal(0, profile.Reads);
    }

    [Fact]
    public async Task AMoveCommitted_IsWhatTheNextUnitReads_ItsClosedTaskGone_ItsNewTaskThere()
    {
        var (instance, task, _) = NewCase();
        await CommitAsync(instance, task);
        var next = NewTask(instance.Id);
        await using (var unit = await Store.OpenAsync(None))
        {
            var read = (await unit.FindInstanceAsync(instance.Id, None))!;
            var open = Assert.Single(await unit.OpenTasksAsync(instance.Id, None));
            (read.State, open.Status, open.Revision) = ("b", WorkTaskStatus.Cancelled, open.Revision + 1);
            read.ConcurrencyStamp++;
            unit.Add(next);
            await unit.CommitAsync(None);
        }
        var profile = Writer.Profile = new WriterProfile();

        await using var after = await Store.OpenAsync(None);
        var moved = (await after.FindInstanceAsync(instance.Id, None))!;
        Assert.Equal(("b", 2), (moved.State, moved.ConcurrencyStamp));
        Assert.Equal(next.Id, Assert.Single(await after.OpenTasksAsync(instance.Id, None)).Id);
        Assert.Equal(0, profile.Reads);
    }

    [Fact]
    public async Task ATaskAndATimerChanged_ButStillOpenAndPending_AreReadAsWritten_InTheirPlaces()
    {
        var (instance, task, timer) = NewCase();
        var second = NewTask(instance.Id);
        await CommitAsync(instance, task, second, timer);
        await using (var unit = await Store.OpenAsync(None))
        {
            var read = (await unit.FindInstanceAsync(instance.Id, None))!;
            var open = await unit.OpenTasksAsync(instance.Id, None);
            var warned = open.Single(t => t.Id == task.Id);
            (warned.WarnedAt, warned.Assignee, warned.Revision) = (Now, "teacher@school", warned.Revision + 1);
            var moved = Assert.Single(await unit.PendingTimersAsync(instance.Id, None));
            moved.DueAt = Now.AddDays(14);
            (read.ReviewsInStage, read.ConcurrencyStamp) = (2, read.ConcurrencyStamp + 1);
            await unit.CommitAsync(None);
        }
        var profile = Writer.Profile = new WriterProfile();

        await using var after = await Store.OpenAsync(None);
        var instanceNow = (await after.FindInstanceAsync(instance.Id, None))!;
        var openNow = await after.OpenTasksAsync(instance.Id, None);
        var timerNow = Assert.Single(await after.PendingTimersAsync(instance.Id, None));

        Assert.Equal((2, 2), (instanceNow.ReviewsInStage, instanceNow.ConcurrencyStamp));
        Assert.Equal([task.Id, second.Id], openNow.Select(t => t.Id));
        Assert.Equal((Now, "teacher@school", 2), (openNow[0].WarnedAt, openNow[0].Assignee, openNow[0].Revision));
        Assert.Null(openNow[1].WarnedAt);
        Assert.Equal(Now.AddDays(14), timerNow.DueAt);
        Assert.Equal(0, profile.Reads);
    }

    [Fact]
    public async Task AnUpdateFromOutsideTheWriter_EmptiesWhatIsHeld_SoTheNextUnitReadsTheDatabase()
    {
        var (instance, task, _) = NewCase();
        await CommitAsync(instance, task);
        Assert.Equal(1, Writer.States.Count);

        // As the simulation's bulk updates do: an EF command, not a change set.
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, WorkTaskStatus.Completed), None);
        }

        Assert.Equal(0, Writer.States.Count);
        await using var unit = await Store.OpenAsync(None);
        Assert.NotNull(await unit.FindInstanceAsync(instance.Id, None));
        Assert.Empty(await unit.OpenTasksAsync(instance.Id, None));
    }

    [Fact]
    public async Task ASaveInsideATransaction_EmptiesWhatIsHeldAgainWhenItCommits()
    {
        var (instance, task, _) = NewCase();
        await CommitAsync(s => s.Add(instance));
        await using var db = await Factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(None);
        db.Tasks.Add(task);
        await db.SaveChangesAsync(None);
        // Between the command and the commit, a unit reads the database as it was and offers it.
        await using (var unit = await Store.OpenAsync(None))
        {
            Assert.Empty(await unit.OpenTasksAsync(instance.Id, None));
            Assert.NotNull(await unit.FindInstanceAsync(instance.Id, None));
        }
        Assert.Equal(1, Writer.States.Count);

        await transaction.CommitAsync(None);

        Assert.Equal(0, Writer.States.Count);
        await using var after = await Store.OpenAsync(None);
        Assert.Equal(task.Id, Assert.Single(await after.OpenTasksAsync(instance.Id, None)).Id);
    }

    [Fact]
    public async Task AUnitThatReadTheDatabase_TakesNothingFromTheCache_AndItsViewIsOneSnapshot()
    {
        var (instance, task, _) = NewCase();
        await CommitAsync(instance, task);
        await using var unit = await Store.OpenAsync(None);
        Assert.Equal(task.Id, (await unit.FindTaskAsync(task.Id, None))!.Id);
        await using (var other = await Store.OpenAsync(None))
        {
            var moved = (await other.FindInstanceAsync(instance.Id, None))!;
            moved.State = "b";
            moved.ConcurrencyStamp++;
            await other.CommitAsync(None);
        }

        // Its snapshot began at its first read, before the other unit's commit, which the cache already holds.
        Assert.Equal("a", (await unit.FindInstanceAsync(instance.Id, None))!.State);
    }

    [Fact]
    public async Task AUnitBeginningWithAnOpenTasksOrAPendingTimersId_FindsItsInstanceHeld_WithoutADatabaseRead()
    {
        var (instance, task, timer) = NewCase();
        await CommitAsync(s =>
        {
            s.Add(instance);
            s.Add(task);
            s.Add(timer);
        });
        var profile = Writer.Profile = new WriterProfile();

        await using (var unit = await Store.OpenAsync(None))
        {
            var open = (await unit.FindTaskAsync(task.Id, None))!;
            Assert.Equal((task.Id, WorkTaskStatus.Open), (open.Id, open.Status));
            Assert.Same(open, Assert.Single(await unit.OpenTasksAsync(instance.Id, None)));
            Assert.Equal(instance.Id, (await unit.FindInstanceAsync(instance.Id, None))!.Id);
        }
        await using (var unit = await Store.OpenAsync(None))
        {
            Assert.Equal(timer.Id, (await unit.FindTimerAsync(timer.Id, None))!.Id);
            Assert.Equal(task.Id, Assert.Single(await unit.FindTasksAsync([task.Id], None)).Id);
        }

        Assert.Equal(0, profile.Reads);
    }

    [Fact]
    public async Task AClosedTask_IsReadFromTheDatabase_NotFoundAmongTheOpenOnesHeld()
    {
        var (instance, task, _) = NewCase();
        await CommitAsync(instance, task);
        await using (var unit = await Store.OpenAsync(None))
        {
            var open = (await unit.FindTaskAsync(task.Id, None))!;
            (open.Status, open.Revision) = (WorkTaskStatus.Completed, open.Revision + 1);
            (await unit.FindInstanceAsync(instance.Id, None))!.ConcurrencyStamp++;
            await unit.CommitAsync(None);
        }
        Assert.Null(Writer.States.OwnerOf(task.Id));
        var profile = Writer.Profile = new WriterProfile();

        await using var after = await Store.OpenAsync(None);
        Assert.Equal(WorkTaskStatus.Completed, (await after.FindTaskAsync(task.Id, None))!.Status);
        Assert.Equal(1, profile.Reads);
    }

    [Fact]
    public async Task AnInstanceReadForItsRowAlone_IsHeldWhole_SoTheNextUnitReadsNothing()
    {
        var (instance, task, timer) = NewCase();
        await CommitAsync(s =>
        {
            s.Add(instance);
            s.Add(task);
            s.Add(timer);
        });
        Writer.States.Clear();
        await using (var unit = await Store.OpenAsync(None))
        {
            Assert.NotNull(await unit.FindInstanceAsync(instance.Id, None));
        }
        var profile = Writer.Profile = new WriterProfile();

        await using var after = await Store.OpenAsync(None);
        Assert.Equal(task.Id, (await after.FindTaskAsync(task.Id, None))!.Id);
        Assert.Equal(timer.Id, Assert.Single(await after.PendingTimersAsync(instance.Id, None)).Id);
        Assert.Equal(0, profile.Reads);
    }

    [Fact]
    public async Task ABulkCompletion_ClosesWhatItsFilterFinds_RaisesItsInstancesStamps_AndKeepsTheRestHeld()
    {
        var (instance, task, _) = NewCase();
        var other = NewCase();
        other.Instance.SubjectId = "q";
        var second = NewTask(instance.Id);
        var later = Copy(NewTask(instance.Id), t => t.DueOn = new DateOnly(2026, 12, 15));
        await CommitAsync(s =>
        {
            s.Add(instance);
            s.Add(task);
            s.Add(second);
            s.Add(later);
            s.Add(other.Instance);
            s.Add(other.Task);
        });
        var at = Now.AddDays(12);

        // The open tasks due by 14 December but the reviews: the action due that day, not the one due the next.
        var counts = await Writer.CompleteInBulkAsync([BulkTaskFilter.OpenDueBy(new DateOnly(2026, 12, 14), "review")], at, "bulk", None);

        Assert.Equal([1], counts);
        var profile = Writer.Profile = new WriterProfile();
        Assert.Equal(2, Writer.States.Count);
        Assert.Null(Writer.States.OwnerOf(second.Id));
        await using (var unit = await Store.OpenAsync(None))
        {
            Assert.Equal(new[] { task.Id, later.Id }.Order(), (await unit.OpenTasksAsync(instance.Id, None)).Select(t => t.Id).Order());
            var held = (await unit.FindInstanceAsync(instance.Id, None))!;
            Assert.Equal((2, at), (held.ConcurrencyStamp, held.UpdatedAt));
            Assert.Equal(1, (await unit.FindInstanceAsync(other.Instance.Id, None))!.ConcurrencyStamp);
            Assert.Equal(0, profile.Reads);
        }
        await using var db = await Factory.CreateDbContextAsync();
        var closed = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == second.Id);
        Assert.Equal((WorkTaskStatus.Completed, at, "bulk", second.Revision + 1),
            (closed.Status, closed.CompletedAt, closed.CompletedBy, closed.Revision));
        var row = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instance.Id);
        Assert.Equal((2, at), (row.ConcurrencyStamp, row.UpdatedAt));
        Assert.Equal(WorkTaskStatus.Open, (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == later.Id)).Status);
    }

    [Fact]
    public async Task AUnitThatReadItsInstanceBeforeABulkCompletion_IsRefused_AndTheCompletionStands()
    {
        var (instance, task, _) = NewCase();
        var action = NewTask(instance.Id);
        await CommitAsync(s =>
        {
            s.Add(instance);
            s.Add(task);
            s.Add(action);
        });
        await using var unit = await Store.OpenAsync(None);
        var read = (await unit.FindInstanceAsync(instance.Id, None))!;
        Assert.Equal(2, (await unit.OpenTasksAsync(instance.Id, None)).Count);

        await Writer.CompleteInBulkAsync([BulkTaskFilter.OpenDueBy(new DateOnly(2026, 12, 31), "review")], Now, "bulk", None);
        read.State = "b";
        read.ConcurrencyStamp++;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => unit.CommitAsync(None));
        await using var db = await Factory.CreateDbContextAsync();
        var row = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instance.Id);
        Assert.Equal(("a", 2), (row.State, row.ConcurrencyStamp));
        await using var again = await Store.OpenAsync(None);
        Assert.Equal(task.Id, Assert.Single(await again.OpenTasksAsync(instance.Id, None)).Id);
    }

    [Fact]
    public async Task ABulkCompletion_OfMoreTasksThanATransactionHolds_ClosesThemAll_ThenTheSpentEscalations()
    {
        var (instance, task, _) = NewCase();
        var many = Enumerable.Range(0, SqliteWorkflowWriter.BulkChunk * 2 + 7).Select(_ => NewTask(instance.Id)).ToList();
        var chasingAction = Copy(NewTask(instance.Id), t => (t.Kind, t.EscalationOf) = (WorkTask.EscalationKind, many[0].Id));
        var chasingReview = Copy(NewTask(instance.Id), t => (t.Kind, t.EscalationOf) = (WorkTask.EscalationKind, task.Id));
        await CommitAsync(s =>
        {
            s.Add(instance);
            s.Add(task);
            many.ForEach(s.Add);
            s.Add(chasingAction);
            s.Add(chasingReview);
        });
        var profile = Writer.Profile = new WriterProfile();

        var counts = await Writer.CompleteInBulkAsync(
            [BulkTaskFilter.OpenDueBy(new DateOnly(2026, 12, 31), "review", WorkTask.EscalationKind), BulkTaskFilter.SpentEscalations], Now, "bulk",
            None);

        Assert.Equal([many.Count, 1], counts);
        Assert.Equal(4, profile.Commits);
        await using var db = await Factory.CreateDbContextAsync();
        var open = await db.Tasks.Where(t => t.Status == WorkTaskStatus.Open).Select(t => t.Id).ToListAsync();
        Assert.Equal(new[] { chasingReview.Id, task.Id }.Order(), open.Order());
        Assert.Equal(5, await db.Instances.Where(i => i.Id == instance.Id).Select(i => i.ConcurrencyStamp).SingleAsync());
    }

    [Fact]
    public void AnInstanceLetGo_NoLongerOwnsItsTasksAndTimers()
    {
        var cache = new InstanceStateCache(capacity: 1);
        var (instance, task, timer) = NewCase();
        cache.Offer(instance.Id, cache.Commits, instance, [task], [timer]);
        Assert.Equal((instance.Id, instance.Id), (cache.OwnerOf(task.Id), cache.OwnerOf(timer.Id)));

        var next = NewCase();
        cache.Offer(next.Instance.Id, cache.Commits, next.Instance, [next.Task], [next.Timer]);

        Assert.Equal((null, null), (cache.OwnerOf(task.Id), cache.OwnerOf(timer.Id)));
        Assert.Equal(next.Instance.Id, cache.OwnerOf(next.Task.Id));
        cache.Clear();
        Assert.Null(cache.OwnerOf(next.Timer.Id));
    }

    [Fact]
    public void RowsReadBeforeACommitOnTheirInstance_AreNotKept_ButRowsReadAfterItAre()
    {
        var cache = new InstanceStateCache();
        var (instance, task, timer) = NewCase();
        var seenAt = cache.Commits;
        var changes = new WorkflowChangeSet();
        changes.ChangedInstances.Add((Copy(instance, i => i.State = "b"), 1));
        cache.Committed([changes], []);

        cache.Offer(instance.Id, seenAt, instance, [task], [timer]);
        Assert.Null(cache.Take(instance.Id));

        cache.Offer(instance.Id, cache.Commits, instance, [task], [timer]);
        Assert.Equal(instance.Id, cache.Take(instance.Id)!.Instance.Id);
    }

    /// <summary>
    /// Units note the commits' number without the lock, while the writer commits. A "database" (a number the writer raises
    /// before each call to Committed, as SQLite commits before the writer applies) is read by units that offer what they
    /// read; once Committed(n) has returned, nothing older than n may be held. It fails if the number is raised before the
    /// database changes, or if an offer noted before a commit is kept.
    /// </summary>
    [Fact]
    public async Task UnitsNotingTheCommitsWhileTheWriterCommits_NeverLeaveARowOlderThanTheLastCommit()
    {
        var cache = new InstanceStateCache();
        var (instance, task, timer) = NewCase();
        cache.Offer(instance.Id, cache.Commits, instance, [task], [timer]);
        var database = 1;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var offers = 0;
            while (!stop.IsCancellationRequested)
            {
                var seenAt = cache.Commits;
                var stamp = Volatile.Read(ref database);
                cache.Offer(instance.Id, seenAt, Copy(instance, i => i.ConcurrencyStamp = stamp), [task], [timer]);
                offers++;
            }
            return offers;
        })).ToList();

        var stale = new List<(int Committed, int Held)>();
        for (var n = 2; n <= 20_000; n++)
        {
            Volatile.Write(ref database, n);
            var changes = new WorkflowChangeSet();
            changes.ChangedInstances.Add((Copy(instance, i => i.ConcurrencyStamp = n), n - 1));
            cache.Committed([changes], []);
            if (cache.Take(instance.Id) is { } held && held.Instance.ConcurrencyStamp < n) stale.Add((n, held.Instance.ConcurrencyStamp));
        }
        await stop.CancelAsync();
        var offered = (await Task.WhenAll(readers)).Sum();

        Assert.Empty(stale);
        Assert.True(offered > 1_000, $"only {offered} offers were made beside the commits");
    }

    /// <summary>
    /// A unit that read an instance after a bulk completion's commit may offer it before the writer applies the completion
    /// to the state held: the instance then has the new stamp already, which the completion must set, not raise again.
    /// It fails if the held stamp is raised by one (it would then refuse the next unit's write for nothing).
    /// </summary>
    [Fact]
    public void ABulkCompletionAppliedAfterAnOfferOfItsInstance_SetsTheStampTheDatabaseHolds()
    {
        var cache = new InstanceStateCache();
        var (instance, task, timer) = NewCase();
        cache.Offer(instance.Id, cache.Commits, Copy(instance, i => i.ConcurrencyStamp = 2), [task], [timer]);

        cache.CompletedInBulk([(task.Id, instance.Id)], new Dictionary<Guid, int> { [instance.Id] = 2 }, Now);

        var held = cache.Take(instance.Id)!;
        Assert.Equal((2, 0), (held.Instance.ConcurrencyStamp, held.OpenTasks.Count));
    }

    [Fact]
    public void RowsReadBeforeAWriteFromOutside_AreNotKept()
    {
        var cache = new InstanceStateCache();
        var (instance, task, timer) = NewCase();
        var seenAt = cache.Commits;
        cache.Clear();

        cache.Offer(instance.Id, seenAt, instance, [task], [timer]);

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void AnInstanceIsTakenOnlyWhole_AsCopies()
    {
        var cache = new InstanceStateCache();
        var (instance, task, timer) = NewCase();
        cache.Offer(instance.Id, cache.Commits, instance, [task]);
        Assert.Null(cache.Take(instance.Id));

        cache.Offer(instance.Id, cache.Commits, pendingTimers: [timer]);
        var taken = cache.Take(instance.Id)!;
        (taken.Instance.State, taken.OpenTasks[0].Status) = ("changed", WorkTaskStatus.Cancelled);
        taken.PendingTimers.Clear();

        var again = cache.Take(instance.Id)!;
        Assert.Equal(("a", WorkTaskStatus.Open, 1), (again.Instance.State, again.OpenTasks[0].Status, again.PendingTimers.Count));
    }

    [Fact]
    public void ARefusedChangeSet_LetsItsInstanceGo_AndAWrittenOneKeepsItTrue()
    {
        var cache = new InstanceStateCache();
        var (instance, task, timer) = NewCase();
        cache.Offer(instance.Id, cache.Commits, instance, [task], [timer]);
        var fired = Copy(timer, t => (t.Status, t.FiredAt) = (TimerStatus.Fired, Now));
        var written = new WorkflowChangeSet();
        written.ChangedTimers.Add((fired, TimerStatus.Pending));
        written.NewTasks.Add(NewTask(instance.Id));
        cache.Committed([written], []);
        var held = cache.Take(instance.Id)!;
        Assert.Empty(held.PendingTimers);
        Assert.Equal(2, held.OpenTasks.Count);

        var refused = new WorkflowChangeSet();
        refused.ChangedInstances.Add((Copy(instance, i => i.State = "b"), 1));
        cache.Committed([], [refused]);

        Assert.Null(cache.Take(instance.Id));
    }

    [Fact]
    public void PastItsCapacity_TheInstancesUsedLeastRecentlyGo()
    {
        var cache = new InstanceStateCache(capacity: 2);
        var cases = Enumerable.Range(0, 3).Select(_ => NewCase()).ToList();
        cache.Offer(cases[0].Instance.Id, cache.Commits, cases[0].Instance, [], []);
        cache.Offer(cases[1].Instance.Id, cache.Commits, cases[1].Instance, [], []);
        Assert.NotNull(cache.Take(cases[0].Instance.Id));

        cache.Offer(cases[2].Instance.Id, cache.Commits, cases[2].Instance, [], []);

        Assert.Equal(2, cache.Count);
        Assert.NotNull(cache.Take(cases[0].Instance.Id));
        Assert.Null(cache.Take(cases[1].Instance.Id));
        Assert.NotNull(cache.Take(cases[2].Instance.Id));

        // Lowered (the simulation raises it to its register), it lets the least recently used go at once.
        cache.Capacity = 1;
        Assert.Equal(1, cache.Count);
        Assert.NotNull(cache.Take(cases[2].Instance.Id));
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Capacity = 0);
    }

    [Theory]
    [InlineData("UPDATE \"Tasks\" AS \"t\" SET \"Status\" = 'Completed' WHERE \"t\".\"Id\" = @p", true)]
    [InlineData("INSERT INTO \"Timers\" (\"Id\") VALUES (@p0) RETURNING \"Id\";", true)]
    [InlineData("DELETE FROM \"Journal\"; DELETE FROM \"Instances\";", true)]
    [InlineData("UPDATE Timers SET Status = 'Cancelled' WHERE Status = 'Pending'", true)]
    [InlineData("SELECT \"t\".\"Id\" FROM \"Tasks\" AS \"t\" WHERE \"t\".\"Status\" = 'Open'", false)]
    [InlineData("INSERT INTO \"Audit\" (\"Id\") VALUES (@p0);", false)]
    [InlineData("UPDATE \"TasksArchive\" SET \"X\" = 1", false)]
    public void AWriteOfInstancesTasksOrTimers_IsRecognised(string sql, bool changes) =>
        Assert.Equal(changes, OutsideWriteInterceptor.Changes(sql));

    [Fact]
    public async Task TasksWarnedAlone_AreCopiedOneByOne_WithoutADatabaseRead_AndTheirWarningIsHeldAfterTheCommit()
    {
        var (instance, task, timer) = NewCase();
        var second = NewTask(instance.Id);
        await CommitAsync(instance, task, second, timer);
        var profile = Writer.Profile = new WriterProfile();

        // A copy: changed and not committed, it leaves the task held as it was.
        await using (var dropped = await Store.OpenAsync(None))
        {
            Assert.Equal(2, (await dropped.FindTasksAsync([task.Id, second.Id], None)).Count);
            (await dropped.FindTasksAsync([task.Id], None))[0].Title = "changed, never committed";
        }
        await using (var unit = await Store.OpenAsync(None))
        {
            var warned = Assert.Single(await unit.FindTasksAsync([task.Id], None));
            Assert.Equal("Review", warned.Title);
            (warned.WarnedAt, warned.Revision) = (Now, warned.Revision + 1);
            await unit.CommitAsync(None);
        }

        await using var after = await Store.OpenAsync(None);
        var open = await after.OpenTasksAsync(instance.Id, None);
        Assert.Equal((Now, 2), (open.Single(t => t.Id == task.Id).WarnedAt, open.Single(t => t.Id == task.Id).Revision));
        Assert.Null(open.Single(t => t.Id == second.Id).WarnedAt);
        Assert.Equal(1, (await after.FindInstanceAsync(instance.Id, None))!.ConcurrencyStamp);
        Assert.Equal(0, profile.Reads);
    }

    [Fact]
    public async Task ATaskTakenAlone_ChangedByAnotherUnitMeanwhile_IsRefusedByItsRevision()
    {
        var (instance, task, _) = NewCase();
        await CommitAsync(instance, task);
        await using var warning = await Store.OpenAsync(None);
        var stale = Assert.Single(await warning.FindTasksAsync([task.Id], None));

        await using (var assigning = await Store.OpenAsync(None))
        {
            var open = Assert.Single(await assigning.OpenTasksAsync(instance.Id, None));
            (open.Assignee, open.Revision) = ("teacher@school", open.Revision + 1);
            await assigning.CommitAsync(None);
        }
        (stale.WarnedAt, stale.Revision) = (Now, stale.Revision + 1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => warning.CommitAsync(None));
        await using var after = await Store.OpenAsync(None);
        var held = Assert.Single(await after.OpenTasksAsync(instance.Id, None));
        Assert.Equal(("teacher@school", (DateTime?)null, 2), (held.Assignee, held.WarnedAt, held.Revision));
    }

    // An instance and its rows (tasks and timers) committed together, as a start does.
    private Task CommitAsync(WorkflowInstance instance, params object[] rows) => CommitAsync(s =>
    {
        s.Add(instance);
        foreach (var row in rows)
        {
            if (row is WorkTask task) s.Add(task);
            else s.Add((WorkflowTimer)row);
        }
    });

    private async Task CommitAsync(Action<IWorkflowSession> add)
    {
        await using var session = await Store.OpenAsync(None);
        add(session);
        await session.CommitAsync(None);
    }

    private static T Copy<T>(T entity, Action<T> change) where T : class
    {
        var copy = EntityCopy.Of(entity);
        change(copy);
        return copy;
    }

    private static WorkTask NewTask(Guid instanceId) => new()
    {
        Id = Guid.CreateVersion7(), InstanceId = instanceId, SubjectId = "p", SchoolId = "s", State = "b", DefinitionTaskId = "u",
        Title = "Plan", Role = "senco", Kind = "action", DueOn = new DateOnly(2026, 12, 14), Status = WorkTaskStatus.Open, CreatedAt = Now,
    };

    private static (WorkflowInstance Instance, WorkTask Task, WorkflowTimer Timer) NewCase()
    {
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(), DefinitionId = "d", Version = 1, SubjectId = "p", SchoolId = "s", BoroughId = "b", State = "a",
            Stage = 1, Status = InstanceStatus.Active, StartedAt = Now, EnteredStateAt = Now, EnteredBy = "start", EnteredVia = "",
            UpdatedAt = Now, ConcurrencyStamp = 1,
        };
        var task = new WorkTask
        {
            Id = Guid.CreateVersion7(), InstanceId = instance.Id, SubjectId = "p", SchoolId = "s", State = "a", DefinitionTaskId = "t",
            Title = "Review", Role = "class-teacher", Kind = "review", DueOn = new DateOnly(2026, 12, 7), Status = WorkTaskStatus.Open,
            CreatedAt = Now, Revision = 1,
        };
        var timer = new WorkflowTimer
        {
            Id = Guid.CreateVersion7(), InstanceId = instance.Id, State = "a", TimerId = "review", DueAt = Now.AddDays(7), Raises = "review.due",
            Status = TimerStatus.Pending, CreatedAt = Now,
        };
        return (instance, task, timer);
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Persistence.Writing;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// The dispatcher's and the deadline round's queries read the partial indexes made for them (pending timers, open tasks),
/// in their order, on a migrated SQLite file: a query that stopped naming its status as a constant, or an index that lost
/// its columns, would leave SQLite scanning every timer or task ever written, once a batch. A pupil's tasks are found
/// through the pupil's instances, an instance's open tasks and pending timers by the instance, and the running instances
/// of a definition through their own index.
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("sendworkflow-plans-").FullName;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _services = new ServiceCollection().AddSqlitePersistence($"Data Source={Path.Combine(_folder, "plans.db")};Pooling=False")
            .BuildServiceProvider();
        await using var db = await Factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private IDbContextFactory<SendWorkflowDbContext> Factory => _services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();

    [Fact]
    public async Task TheDueTimers_AreReadFromThePendingTimersIndex_InTheirOrder()
    {
        await using var db = await Factory.CreateDbContextAsync();
        var plan = await PlanAsync(db, TimerQueries.DueTimers(db, new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc), 256));
        AssertReads(plan, "IX_Timers_PendingByDue");
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        AssertReads(await PlanAsync(db, TimerQueries.NextDue(db).Take(1)), "IX_Timers_PendingByDue");
    }

    [Fact]
    public async Task TheDeadlineRound_ReadsTheOpenTasksIndexes()
    {
        await using var db = await Factory.CreateDbContextAsync();
        AssertReads(await PlanAsync(db, TimerQueries.OverdueTasks(db, Today, 500)), "IX_Tasks_OpenByDue");
        AssertReads(await PlanAsync(db, TimerQueries.TasksToWarn(db, Today, 500)), "IX_Tasks_ToWarn");
    }

    [Fact]
    public async Task SqlitesOwnStatementsOfThem_ReadTheSameIndexes()
    {
        // The service runs them through prepared statements (SqliteTimerQueries): the status written as a constant there too.
        var statements = ((SqliteTimerQueries)_services.GetRequiredService<SendWorkflow.Workflows.Stores.ITimerQueries>()).Statements;
        await using var db = await Factory.CreateDbContextAsync();
        string[] indexes = ["IX_Timers_PendingByDue", "IX_Timers_PendingByDue", "IX_Tasks_ToWarn", "IX_Tasks_OpenByDue"];
        Assert.Equal(indexes.Length, statements.Count);
        for (var i = 0; i < indexes.Length; i++)
        {
            var plan = await PlanAsync(db, statements[i]);
            AssertReads(plan, indexes[i]);
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheWarningsIndex_HoldsOnlyTasksThatWarn()
    {
        // Most of a pupil's tasks never warn; an entry for each would be written when it is made and removed when it is
        // closed, for nothing: the round's query names WarnOn, so SQLite may use an index that leaves them out.
        await using var db = await Factory.CreateDbContextAsync();
        var sql = await db.Database.SqlQueryRaw<string>(
            "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = 'IX_Tasks_ToWarn'").SingleAsync();
        Assert.EndsWith("WHERE \"Status\" = 'Open' AND \"WarnedAt\" IS NULL AND \"WarnOn\" IS NOT NULL", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSpentEscalations_AreFoundFromTheOpenEscalationsIndex()
    {
        // The bulk completion's rows (SqliteWorkflowWriter.CompleteInBulkAsync), as the writer selects them.
        await using var db = await Factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + BulkTaskFilter.SpentEscalations.ChunkSql;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        }
        // The outer walk is over open escalations alone; each one's late task is then looked up by its key.
        // (Covering: the rows are taken by number, which the index holds.)
        Assert.Contains(plan, step => step.EndsWith(" INDEX IX_Tasks_OpenEscalations", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("IX_Tasks_OpenByDue", StringComparison.Ordinal)
            || step.StartsWith("SCAN Tasks", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APupilsTasks_AreFoundThroughThePupilsInstances_NotBySchool()
    {
        // The tasks table keeps no index of subjects (SubjectTasks): a pupil's tasks are read from their instances' entries
        // in the tasks' index of instances. A school of 300 pupils with 20 open tasks each, analysed as PRAGMA optimize does
        // for a service: the SENCo's look at one pupil must not walk the school's 6,000 open tasks.
        await SeedSchoolAsync(pupils: 300, tasksEach: 20);
        await using var db = await Factory.CreateDbContextAsync();
        var open = db.Tasks.Where(t => t.Status == WorkTaskStatus.Open);
        var ofClass = db.Set<Pupil>().Where(p => p.ClassName == "Class 7").Select(p => p.Id);
        foreach (var q in new[] { db.Tasks.OfSubject(db, "pupil-7"), open.Where(t => t.SchoolId == "school-1").OfSubject(db, "pupil-7"),
            open.Where(t => t.SchoolId == "school-1").OfSubjects(db, ofClass) })
        {
            var plan = await PlanAsync(db, q.Select(t => t.Id));
            Assert.True(plan[0].StartsWith("SEARCH t USING INDEX IX_Tasks_InstanceId (InstanceId=?)", StringComparison.Ordinal),
                string.Join(" | ", plan));
            Assert.Contains("SEARCH i USING INDEX IX_Instances_SubjectId (SubjectId=?)", plan);
        }
        Assert.Equal(20, await open.Where(t => t.SchoolId == "school-1").OfSubject(db, "pupil-7").CountAsync());
        Assert.Equal(30 * 20, await open.Where(t => t.SchoolId == "school-1").OfSubjects(db, ofClass).CountAsync());
    }

    [Fact]
    public async Task AnInstancesOpenTasksAndPendingTimers_AreReadByTheInstance_NotFromTheOpenTasksIndexes()
    {
        // The index of an instance's tasks holds no status (TaskConfiguration): the open ones are picked from the instance's
        // rows. The status named as a constant must not draw SQLite to the open tasks' own index, which holds every school's.
        await SeedSchoolAsync(pupils: 300, tasksEach: 20);
        await using var db = await Factory.CreateDbContextAsync();
        var instance = await db.Instances.Where(i => i.SubjectId == "pupil-7").Select(i => i.Id).SingleAsync();
        AssertReads(await PlanAsync(db, db.Tasks.Where(t => t.InstanceId == instance && t.Status == WorkTaskStatus.Open)), "IX_Tasks_InstanceId");
        AssertReads(await PlanAsync(db, db.Timers.Where(t => t.InstanceId == instance && t.Status == TimerStatus.Pending)),
            "IX_Timers_InstanceId");
        Assert.Equal(20, await db.Tasks.CountAsync(t => t.InstanceId == instance && t.Status == WorkTaskStatus.Open));
    }

    [Fact]
    public async Task TheRunningInstancesOfADefinition_AreReadFromTheirIndex()
    {
        // Across schools: the versions pupils run (the Studio), a borough's annual reviews, the pathway's pupils at a stage.
        await using var db = await Factory.CreateDbContextAsync();
        var running = db.Instances.Where(i => i.Status == InstanceStatus.Active);
        AssertReads(await PlanAsync(db, running.Where(i => i.DefinitionId == "send-pathway").GroupBy(i => i.Version)
            .Select(g => new { g.Key, Count = g.Count() })), "IX_Instances_ActiveByDefinition");
        AssertReads(await PlanAsync(db, running.Where(i => i.DefinitionId == "ehcp-annual-review" && i.BoroughId == "borough-1")
            .Select(i => i.Id)), "IX_Instances_ActiveByDefinition");
        AssertReads(await PlanAsync(db, running.Where(i => i.DefinitionId == "send-pathway" && i.Stage >= 3 && i.Stage <= 4)
            .Select(i => i.Id)), "IX_Instances_ActiveByDefinition");
    }

    [Fact]
    public async Task AnInstancesJournal_IsWalkedThroughItsChain_RowByNumber_NotScanned()
    {
        // On SQLite the journal has no index by instance (JournalChain): a look at one pupil's history must not read every row.
        await SeedSchoolAsync(pupils: 30, tasksEach: 1);
        await using var db = await Factory.CreateDbContextAsync();
        var instance = await db.Instances.Where(i => i.SubjectId == "pupil-7").Select(i => i.Id).SingleAsync();
        var plan = await PlanAsync(db, JournalChain.Of(db, instance).OrderBy(j => j.Id));
        Assert.Contains(plan, step => step.StartsWith("SEARCH Instances USING INDEX sqlite_autoindex_Instances_1", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH j USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN Journal", StringComparison.Ordinal)
            || step.StartsWith("SCAN j", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASchoolsMovesBetweenStates_AreReadFromTheMovesIndex_ThroughItsInstances()
    {
        // The flow reports' shape (PathwayFlow, PathwayStages): the journal joined to a school's instances, a kind of entry
        // that moves an instance at a time, named as a constant (EF Core writes several as an IN, which the index's
        // condition does not name). By the school's instances and then the index, or along the index (a few in a hundred of
        // the journal's rows) and then each row's instance, as SQLite judges: never along the whole journal.
        await SeedSchoolAsync(pupils: 30, tasksEach: 1);
        await using var db = await Factory.CreateDbContextAsync();
        var entries = db.Journal.Join(db.Instances, j => j.InstanceId, i => i.Id, (j, i) => new { j, i }).Where(x => x.i.SchoolId == "school-1");
        foreach (var kind in JournalChain.MoveKinds)
        {
            var q = entries.Where(x => x.j.Kind == EF.Constant(kind)).Select(x => x.j.Id);
            var plan = await PlanAsync(db, q);
            Assert.True(plan.Any(step => step.Contains($" USING INDEX {JournalChain.MovesIndex}", StringComparison.Ordinal))
                && !plan.Contains("SCAN j"), string.Join(" | ", plan) + " :: " + q.ToQueryString());
        }
    }

    private async Task SeedSchoolAsync(int pupils, int tasksEach)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var at = new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);
        db.Add(new Borough { Id = "borough-1", Name = "A borough", CalendarId = "demo-borough", CreatedAt = at });
        db.Add(new School { Id = "school-1", Name = "A school", BoroughId = "borough-1", CreatedAt = at });
        for (var p = 0; p < pupils; p++)
        {
            var pupil = $"pupil-{p}";
            db.Add(new Pupil { Id = pupil, SchoolId = "school-1", Name = $"Pupil {p}", ClassName = $"Class {p % 10}" });
            var instance = new WorkflowInstance
            {
                Id = Guid.CreateVersion7(), DefinitionId = "send-pathway", Version = 1, SubjectId = pupil, SchoolId = "school-1",
                BoroughId = "borough-1", State = "sen-support", Stage = 3, Status = InstanceStatus.Active, StartedAt = at, EnteredStateAt = at,
                UpdatedAt = at,
            };
            db.Add(instance);
            for (var k = 0; k < tasksEach; k++)
            {
                db.Add(new WorkTask
                {
                    Id = Guid.CreateVersion7(), InstanceId = instance.Id, SubjectId = pupil, SchoolId = "school-1", State = instance.State,
                    DefinitionTaskId = $"task-{k}", Title = "A task", Role = "SENCo", Kind = "action", DueOn = Today.AddDays(k),
                    Status = WorkTaskStatus.Open, CreatedAt = at,
                });
            }
        }
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    // One step, on the index; a plain "SCAN t" would be every row of the table.
    private static void AssertReads(IReadOnlyList<string> plan, string index)
    {
        var step = Assert.Single(plan);
        Assert.True(step.EndsWith($" USING INDEX {index}", StringComparison.Ordinal)
            || step.Contains($" USING INDEX {index} (", StringComparison.Ordinal)
            || step.Contains($" USING COVERING INDEX {index}", StringComparison.Ordinal), $"Expected {index}: {step}");
    }

    // SQLite's own account of how it would run a statement, its parameters unbound.
    private static async Task<List<string>> PlanAsync(SendWorkflowDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    }

    // SQLite's own account of how it would run the query EF makes, with EF's parameters bound.
    private static async Task<List<string>> PlanAsync<T>(SendWorkflowDbContext db, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        var steps = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    }
}

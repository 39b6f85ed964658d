using System.Diagnostics;
using System.Security.Claims;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.Clock;
using SendWorkflow.Send.WorkQueues;
using SendWorkflow.Send.Cases;

namespace SendWorkflow.Host.Commands;

/// <summary>
/// `bench inbox`: one school with thousands of open tasks (5,000 by default: pupils on the pathway, six class-teacher tasks
/// each, some assigned, many overdue) beside a small school with about 50, and how long a page of each inbox queue takes
/// through the service (scope, filters, sort, count, page, and the audit row committed), as the Studio's inbox asks for it.
/// </summary>
public static class InboxBenchCommand
{
    private const int TasksPerPupil = 6;
    private const int Classes = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var tasks = BenchArgs.Int(args, "--tasks", 5000);
        var pageSize = BenchArgs.Int(args, "--page-size", TaskQueueQuery.DefaultPageSize);
        var rounds = BenchArgs.Int(args, "--rounds", 100);
        var folder = BenchHost.NewFolder("bench");
        await using var app = BenchHost.Build(Path.Combine(folder, "inbox.db"), simulated: true);
        await BenchHost.StartAsync(app);
        var bigPupils = (tasks + TasksPerPupil - 1) / TasksPerPupil;
        Console.WriteLine($"SendWorkflow inbox benchmark: a school with {bigPupils * TasksPerPupil} open tasks ({bigPupils} pupils in "
            + $"{Classes} classes) beside one with {9 * TasksPerPupil}; pages of {pageSize}, {rounds} reads each, SQLite file (WAL), "
            + $"{Environment.ProcessorCount} cores");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app, bigPupils);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync(SqliteStatistics.RefreshSql);
        Console.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:0.0} s; the planner's statistics refreshed, as the host does each hour");

        var queues = app.Services.GetRequiredService<TaskQueues>();
        var senco = Staff("bench-senco", StaffRoles.Senco, "bench-school");
        var teacher = Staff("bench-teacher", StaffRoles.ClassTeacher, "bench-school", "Class 1");
        var smallSenco = Staff("small-senco", StaffRoles.Senco, "small-school");
        Console.WriteLine();
        Console.WriteLine($"  {"read",-60} {"total",6} {"p50",9} {"p99",9} {"CPU",9}");
        Task Measure(string label, Caller caller, TaskQueueQuery query) =>
            TimeAsync(label, rounds, async () => (await queues.PageAsync(caller, query, CancellationToken.None)).Total);
        var everyone = Page(TaskQueueNames.Everyone, 1, pageSize);
        await Measure("SENCo, everyone's tasks, page 1 (soonest due first)", senco, everyone);
        await Measure("SENCo, everyone's tasks, last page", senco, everyone with { Page = 1_000 });
        await Measure("SENCo, everyone's tasks by priority, page 10", senco, everyone with { Page = 10, Sort = TaskSorts.Priority });
        await Measure("SENCo, needs attention, page 1", senco, Page(TaskQueueNames.NeedsAttention, 1, pageSize));
        await Measure("SENCo, everyone's, one class and part of a name", senco,
            everyone with { ClassName = "Class 7", Search = "pupil 1" });
        await Measure("class teacher (one class), my work, page 1", teacher, Page(TaskQueueNames.MyWork, 1, pageSize));
        await Measure("class teacher, assigned to me, page 1", teacher, Page(TaskQueueNames.AssignedToMe, 1, pageSize));
        await Measure("the small school's SENCo, everyone's tasks, page 1", smallSenco, everyone);
        var cases = app.Services.GetRequiredService<Cases>();
        await TimeAsync("for comparison: every open task at once (the list, take=5000)", Math.Max(1, rounds / 10), async () =>
            (await cases.TasksAsync(senco, new TaskQuery(Status: "open", Take: 5000), CancellationToken.None)).Count);
        Console.WriteLine($"peak memory:        {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB (working set)");
        await BenchHost.StopAsync(app);
        BenchHost.DeleteFolder(folder);
        return 0;
    }

    private static TaskQueueQuery Page(string queue, int page, int size) => new(queue, Page: page, PageSize: size);

    // Wall time per read, and the process's CPU time per read: on a busy machine the second says more about the work itself.
    private static async Task TimeAsync(string label, int rounds, Func<Task<int>> read)
    {
        var total = await read();
        var times = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < rounds; i++)
        {
            var t = Stopwatch.GetTimestamp();
            total = await read();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        var cpuPerRead = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / rounds;
        times.Sort();
        var (p50, p99) = (times[rounds / 2], times[Math.Max(0, (int)Math.Ceiling(rounds * 0.99) - 1)]);
        Console.WriteLine($"  {label,-60} {total,6} {p50,6:0.0} ms {p99,6:0.0} ms {cpuPerRead,6:0.0} ms");
    }

    private static Caller Staff(string id, string role, string school, string? className = null)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Role, role), new("name", id), new(StaffClaims.School, school)];
        if (className is not null) claims.Add(new Claim(StaffClaims.Class, className));
        return new Caller(new ClaimsPrincipal(new ClaimsIdentity(claims, "bench")), "GET", "/bench/inbox");
    }

    // The big school's pupils on the pathway (six class-teacher tasks each), one in ten tasks assigned to the teacher of
    // Class 1's pupils, then a fortnight on so the first tasks are overdue; the small school's nine pupils likewise.
    private static async Task SeedAsync(WebApplication app, int pupils)
    {
        await BenchHost.SeedPupilsAsync(app, pupils);
        var factory = app.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE Pupils SET ClassName = 'Class ' || (1 + CAST(substr(Id, 7) AS INTEGER) % {Classes}) WHERE SchoolId = 'bench-school'");
            db.Schools.Add(new School { Id = "small-school", Name = "Small School", BoroughId = "bench-borough", CreatedAt = now });
            for (var i = 0; i < 9; i++)
            {
                db.Pupils.Add(new Pupil
                {
                    Id = $"small-{i}", Name = $"Small pupil {i}", DateOfBirth = new DateOnly(2018, 1, 1), SchoolId = "small-school",
                    YearGroup = 3, ClassName = "3 Small", CreatedAt = now,
                });
            }
            await db.SaveChangesAsync();
        }
        var engine = app.Services.GetRequiredService<WorkflowEngine>();
        var ids = Enumerable.Range(0, pupils).Select(i => $"bench-{i}").Concat(Enumerable.Range(0, 9).Select(i => $"small-{i}"));
        foreach (var chunk in ids.Chunk(64))
            await Task.WhenAll(chunk.Select(id => engine.StartAsync("send-pathway", id, "bench", CancellationToken.None)));
        await using (var db = await factory.CreateDbContextAsync())
        {
            var classOne = await db.Tasks.AsNoTracking()
                .Where(t => db.Pupils.Any(p => p.Id == t.SubjectId && p.ClassName == "Class 1")).Select(t => t.Id).ToListAsync();
            foreach (var id in classOne.Where((_, i) => i % 10 == 0))
            {
                await engine.AssignTaskAsync(new TaskAssignment(id, TaskAssignmentKind.Assigned, null, "bench-teacher", "Bench teacher", "bench"),
                    CancellationToken.None);
            }
        }
        var clock = (SimulatedTimeProvider)app.Services.GetRequiredService<TimeProvider>();
        clock.AdvanceTo(clock.GetUtcNow().AddDays(14));
    }
}

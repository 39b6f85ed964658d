using System.Diagnostics;
using System.Security.Claims;
using SendWorkflow.Rules;
using SendWorkflow.Send.Clock;
using SendWorkflow.Send.Pupils;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Commands;

/// <summary>
/// `bench`: drives thousands of pupils through the pathway on a fresh SQLite file, end to end through the engine
/// (event, rules, transition, tasks, timers, journal, commit), and prints events per second, latency and memory.
/// With <c>--provider postgres</c> it runs on a fresh PostgreSQL database instead (its own throwaway server unless
/// <c>--connection</c> names one), through one or more hosts (<c>--hosts 2</c>: two services on the one database, the
/// pupils shared between them).
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "timers") return await TimerBenchCommand.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "inbox") return await InboxBenchCommand.RunAsync(args[1..]);
        var pupils = BenchArgs.Int(args, "--pupils", 2000);
        var concurrency = BenchArgs.Int(args, "--concurrency", 16);
        var warmup = BenchArgs.Int(args, "--warmup", 3000, min: 0);
        var postgres = string.Equals(BenchArgs.Text(args, "--provider"), "postgres", StringComparison.OrdinalIgnoreCase);
        var hostCount = postgres ? BenchArgs.Int(args, "--hosts", 1) : 1;
        var keep = args.Contains("--keep");
        var profile = args.Contains("--profile");
        var folder = BenchHost.NewFolder("bench");
        var dbFile = Path.Combine(folder, "bench.db");
        await using var memory = new MemoryWatch();
        LocalPostgres? server = null;
        string? connection = null;
        if (postgres)
        {
            connection = BenchArgs.Text(args, "--connection");
            if (connection is null)
            {
                server = new LocalPostgres(Path.Combine(folder, "postgres"), LocalPostgres.FreePort());
                await server.StartAsync();
                connection = await server.DatabaseAsync("bench");
            }
        }

        var apps = new List<WebApplication>();
        for (var h = 0; h < hostCount; h++)
        {
            var host = BenchHost.Build(dbFile, simulated: true, start: warmup > 0 ? "2025-10-12" : "2026-10-12", postgres: connection);
            apps.Add(host);
            await BenchHost.StartAsync(host);
        }
        var app = apps[0];
        var engines = apps.Select(a => a.Services.GetRequiredService<WorkflowEngine>()).ToArray();
        var clocks = apps.Select(a => (SimulatedTimeProvider)a.Services.GetRequiredService<TimeProvider>()).ToList();
        var factory = app.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();
        await BenchHost.SeedPupilsAsync(app, pupils + warmup);

        Console.WriteLine($"SendWorkflow benchmark: {pupils} pupils, {concurrency} concurrent workers, "
            + (postgres ? $"PostgreSQL, {hostCount} host(s)" : "SQLite file (WAL)") + $", {Environment.ProcessorCount} cores");
        var latencies = new List<double>();
        var ids = new Guid[pupils + warmup];
        await using var wal = postgres ? null : new WalWatch(dbFile);
        var total = Stopwatch.StartNew();
        var starts = TimeSpan.Zero;
        var eventLatencies = new List<double>();
        var events = 0;
        var eventTime = TimeSpan.Zero;
        var eventCpu = TimeSpan.Zero;
        var writer = postgres ? null : app.Services.GetRequiredService<SendWorkflow.Persistence.Sqlite.SqliteWorkflowWriter>();
        var writerBusy = TimeSpan.Zero;

        // The pathway for pupils [first, first + count): start, two reviews that stay, then five moves between stages.
        async Task PathwayAsync(int first, int count, bool counted)
        {
            var took = await RoundAsync("start instance", count, concurrency, counted ? latencies : [], async i =>
                ids[first + i] = (await engines[(first + i) % hostCount].StartAsync("send-pathway", $"bench-{first + i}", "bench",
                    CancellationToken.None)).Id, counted);
            if (counted) (starts, eventCpu) = (took, Process.GetCurrentProcess().TotalProcessorTime);
            async Task Events(string label, string name, Func<int, Dictionary<string, object?>> data)
            {
                var busyBefore = writer?.Busy ?? TimeSpan.Zero;
                var took = await RoundAsync(label, count, concurrency, counted ? eventLatencies : [], i =>
                    engines[(first + i) % hostCount].RaiseAsync(ids[first + i], new WorkflowEvent(name, new EventData(data(first + i)), "bench"),
                        CancellationToken.None), counted);
                if (!counted) return;
                (eventTime, events) = (eventTime + took, events + count);
                writerBusy += (writer?.Busy ?? TimeSpan.Zero) - busyBefore;
            }
            await Events("review, expected progress (stay)", "review.completed", _ => new() { ["progress"] = "expected" });
            await Events("review, expected progress (stay)", "review.completed", _ => new() { ["progress"] = "expected" });
            foreach (var clock in clocks) clock.AdvanceTo(clock.GetUtcNow().AddDays(49));
            await Events("review, little progress (stage 1 -> 2)", "review.completed", _ => new() { ["progress"] = "little" });
            await Events("assessment requested (stage 2 -> 5)", "assessment.requested", i => new() { ["by"] = i % 2 == 0 ? "parent" : "school" });
            await Events("plan issued (stage 5 -> 6)", "plan.issued", _ => []);
            await Events("plan ceased (stage 6 -> 3)", "plan.ceased", _ => []);
            await Events("review, good progress (stage 3 -> 2)", "review.completed", _ => new() { ["progress"] = "good" });
        }

        if (warmup > 0)
        {
            // A service runs for days: its code is compiled to its final tier within its first minute. The warm-up's pupils
            // take the same path first, uncounted, so the figures below are the running service's, not its first minute's.
            // They walk it a year earlier, so that the counted pupils' weeks fall on the same school days as without a
            // warm-up (seven weeks that crossed the Christmas holiday would be too few school weeks for the first move).
            var yearBefore = clocks[0].GetUtcNow();
            var warming = Stopwatch.StartNew();
            await PathwayAsync(pupils, warmup, counted: false);
            foreach (var clock in clocks) clock.AdvanceTo(yearBefore.AddDays(365));
            Console.WriteLine($"  (warm-up: {warmup} other pupils along the same path first, {warming.Elapsed.TotalSeconds:0.0} s, not counted)");
        }
        if (profile && writer is not null) writer.Profile = new();
        var jitBefore = JitWork.Now();
        var gcBefore = GcWork.Now();
        await PathwayAsync(0, pupils, counted: true);
        var jit = jitBefore.Since();
        var gc = gcBefore.Since();
        total.Stop();
        eventCpu = Process.GetCurrentProcess().TotalProcessorTime - eventCpu;

        eventLatencies.Sort();
        Console.WriteLine();
        Console.WriteLine($"instances started:  {pupils} in {starts.TotalSeconds:0.00} s ({pupils / starts.TotalSeconds:0} per second)");
        Console.WriteLine($"events handled:     {events} in {eventTime.TotalSeconds:0.00} s");
        Console.WriteLine($"events per second:  {events / eventTime.TotalSeconds:0}");
        if (writer is not null)
            Console.WriteLine($"writer busy:        {writerBusy / eventTime:0%} of the events' time (its batches, commits and rewinds)");
        Console.WriteLine($"CPU per event:      {eventCpu.TotalMicroseconds / events:0} us (all threads, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"compiled meanwhile: {jit.Describe("0.00")} (the JIT's tiers and expression trees)");
        Console.WriteLine($"collected:          {gc.Describe("0.000")}");
        Console.WriteLine($"latency per event:  p50 {Percentile(eventLatencies, 0.50):0.00} ms, p99 {Percentile(eventLatencies, 0.99):0.00} ms");
        if (writer?.Profile is { } writerProfile)
        {
            writer.Profile = null;
            WriterProfileReport.Print(writerProfile, events, "event (the starts' statements counted in too)");
        }
        Console.WriteLine($"peak memory:        {memory.OwnPeakMiB} MiB of its own (heap, caches); "
            + $"working set {MemoryWatch.WorkingSetPeakMiB} MiB which also counts the program's files and the database's pages read through maps");
        await using (var db = await factory.CreateDbContextAsync())
        {
            var (journal, tasks, timers) = (await db.Journal.CountAsync(), await db.Tasks.CountAsync(), await db.Timers.CountAsync());
            Console.WriteLine($"rows written:       {journal} journal, {tasks} tasks, {timers} timers" + (warmup > 0 ? " (the warm-up's too)" : ""));
        }
        RuleBench.Measure(await app.Services.GetRequiredService<IDefinitionCatalog>().GetPublishedAsync("send-pathway", CancellationToken.None));
        await ReadsAsync(app, pupils, concurrency);
        if (!postgres)
        {
            Console.WriteLine($"database file:      {new FileInfo(dbFile).Length / 1024 / 1024} MiB, the WAL at most {wal!.PeakMiB:0} MiB");
            var raw = RawSqliteLimit.TransactionsPerSecond(folder);
            Console.WriteLine($"raw SQLite limit:   {raw:0} transactions per second (1 select, 1 update, 4 inserts; WAL, synchronous=NORMAL) "
                + $"on this machine now: the events above are {events / eventTime.TotalSeconds / raw:0.0%} of it");
        }
        Console.WriteLine($"total run:          {total.Elapsed.TotalSeconds:0.0} s");
        foreach (var a in apps)
        {
            await BenchHost.StopAsync(a);
            await a.DisposeAsync();
        }
        server?.Stop(delete: false);
        if (keep) Console.WriteLine($"kept:               {folder} (the run's database, for a look with sqlite3)");
        else BenchHost.DeleteFolder(folder);
        return 0;
    }

    /// <summary>
    /// What auditing a look costs: a pupil read through the service, whose audit row is committed before the answer
    /// (grouped with the others queued meanwhile), beside the same read from the database alone.
    /// </summary>
    private static async Task ReadsAsync(WebApplication app, int pupils, int concurrency)
    {
        var directory = app.Services.GetRequiredService<PupilDirectory>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();
        var caller = new Caller(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Role, StaffRoles.Administrator)], "bench")), "GET", "/bench");
        var audited = new List<double>();
        var plain = new List<double>();
        Console.WriteLine();
        var withAudit = await RoundAsync("read a pupil, audited (row committed)", pupils, concurrency, audited,
            i => directory.GetPupilAsync(caller, $"bench-{i}", CancellationToken.None));
        var without = await RoundAsync("the same read, no audit row", pupils, concurrency, plain, async i =>
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Pupils.AsNoTracking().FirstAsync(p => p.Id == $"bench-{i}");
        });
        audited.Sort();
        plain.Sort();
        Console.WriteLine($"audited reads:      p50 {Percentile(audited, 0.50):0.00} ms, p99 {Percentile(audited, 0.99):0.00} ms "
            + $"({pupils / withAudit.TotalSeconds:0} per second); without the audit row p50 {Percentile(plain, 0.50):0.00} ms, "
            + $"p99 {Percentile(plain, 0.99):0.00} ms ({pupils / without.TotalSeconds:0} per second)");
    }

    private static async Task<TimeSpan> RoundAsync(string label, int count, int concurrency, List<double> latencies, Func<int, Task> work,
        bool print = true)
    {
        var sw = Stopwatch.StartNew();
        var local = new double[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var t = Stopwatch.GetTimestamp();
                await work(i);
                local[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
        }));
        sw.Stop();
        latencies.AddRange(local);
        if (!print) return sw.Elapsed;
        var sorted = local.Order().ToList();
        Console.WriteLine($"  {label,-42} {count / sw.Elapsed.TotalSeconds,8:0} per second, "
            + $"p50 {Percentile(sorted, 0.50),5:0.0} ms, p99 {Percentile(sorted, 0.99),5:0.0} ms");
        return sw.Elapsed;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

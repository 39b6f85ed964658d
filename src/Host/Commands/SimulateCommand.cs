using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SendWorkflow.Host.Commands.Simulation;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Clock;

namespace SendWorkflow.Host.Commands;

/// <summary>
/// `simulate`: runs a cohort through a whole school year on the simulated clock, on a fresh SQLite file, walking
/// school day by school day (the simulated clock fires timers and runs the 07:00 deadline round), with seeded people
/// doing the work; prints the stage distribution at each half term, review timeliness, overdue work and speed.
/// </summary>
public static class SimulateCommand
{
    private const string CalendarId = "demo-borough";

    /// <summary>The line of the year's figures that counts the overdue tasks found done before their escalation ran.</summary>
    public const string FoundDoneLabel = "overdue found done:";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["replay", var recording, .. var rest]) return await ReplayAsync(recording, rest.Contains("--profile"), rest.Contains("--keep"));
        var pupils = BenchArgs.Int(args, "--pupils", 10_000, min: 1);
        var seed = BenchArgs.Int(args, "--seed", 42, min: 0);
        var workers = BenchArgs.Int(args, "--workers", 64, min: 1);
        var yearLabel = BenchArgs.Text(args, "--year") ?? "2026-27";
        if (!SchoolYear.TryParseLabel(yearLabel, out var startYear))
        {
            Console.Error.WriteLine($"--year must be an academic year such as 2026-27, not '{yearLabel}'.");
            return 2;
        }
        var record = BenchArgs.Text(args, "--record");
        if (record is not null && Directory.Exists(record) && Directory.EnumerateFileSystemEntries(record).Any())
        {
            Console.Error.WriteLine($"{record} is not empty: name an empty or new folder for --record.");
            return 2;
        }
        var folder = BenchHost.NewFolder("simulate");
        var keep = args.Contains("--keep");
        try
        {
            return await SimulateAsync(Path.Combine(folder, "simulate.db"), pupils, seed, workers, (yearLabel, startYear),
                args.Contains("--profile"), record);
        }
        finally
        {
            if (keep) Console.WriteLine($"  kept:                      {folder} (the year's database, for a look with sqlite3)");
            else BenchHost.DeleteFolder(folder);
        }
    }

    private static async Task<int> SimulateAsync(string dbFile, int pupils, int seed, int workers, (string Label, int Start) schoolYear,
        bool profile, string? record)
    {
        var (yearLabel, startYear) = schoolYear;
        var ct = CancellationToken.None;
        var setup = Stopwatch.StartNew();
        await using var memory = new MemoryWatch();
        await using var app = BenchHost.Build(dbFile, simulated: true, start: $"{startYear}-08-01");
        await BenchHost.StartAsync(app);

        var clock = (SimulatedTimeProvider)app.Services.GetRequiredService<TimeProvider>();
        var machine = app.Services.GetRequiredService<SimulatedClock>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();
        var calendar = app.Services.GetRequiredService<CalendarRegistry>().Get(CalendarId);
        SchoolYear year;
        try
        {
            year = SchoolYear.Load(app.Services.GetRequiredService<SendWorkflowPaths>().Calendars, calendar, yearLabel, startYear);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            // Stopped, not only disposed: a host disposed while its services still run leaves their work behind it.
            await BenchHost.StopAsync(app);
            return 2;
        }
        clock.AdvanceTo(UkTime.StartOf(year.First.AddDays(-1)).AddHours(8));
        var writer = app.Services.GetRequiredService<SqliteWorkflowWriter>();
        // Every pupil's instances are used again every few days: all of them held (some 4.5 KB each), or the year's units
        // would miss and read them whole, again and again, once the register outgrows what a service holds.
        writer.States.Capacity = Math.Max(writer.States.Capacity, pupils * 5 / 4);
        var cohort = await Cohort.SeedAsync(factory, writer, CalendarId, year, pupils, seed, clock.GetUtcNow().UtcDateTime);
        // The programmes start on the year's first school day (before its first round), so their terms are this year's.
        clock.AdvanceTo(UkTime.StartOf(year.First).AddHours(6));
        var schools = await SchoolProgrammes.StartAsync(app.Services.GetRequiredService<WorkflowEngine>(), factory, clock, ct);
        setup.Stop();

        PrintHeader(calendar, year, pupils, seed, workers);
        var phases = new PhaseClock(writer);
        var work = new DailyWork(app.Services.GetRequiredService<WorkflowEngine>(), factory, writer, calendar,
            app.Services.GetRequiredService<SendWorkflow.Send.Statutory.StatutoryExceptions>(), cohort, workers, phases);
        var report = new YearReport(factory, pupils);
        var halfTerms = year.HalfTerms.ToDictionary(h => h.FirstDay, h => h.Label);
        var (fired, cancelled, warned, escalated, foundDone) = (0, 0, 0, 0, 0);
        var (machineTime, roundTime, reportTime) = (default(PhaseTime), default(PhaseTime), default(PhaseTime));
        if (record is not null) await writer.StartRecordingAsync(Path.GetFullPath(record), ct);
        var yearStart = phases.Now();
        var jitBefore = JitWork.Now();
        var gcBefore = GcWork.Now();
        if (profile) writer.Profile = new();
        await using var wal = new WalWatch(dbFile);
        DateOnly? previous = null;
        foreach (var day in year.SchoolDays)
        {
            work.Phase = part => wal.Phase = $"{part} of {Day(day)}";
            // Up to 06:59 (the night's timers), then to 08:00 (this morning's 07:00 deadline round), only to time them apart:
            // the time machine does the same in one step. The last school day's bulk completions run beside the night's
            // timers, and are waited for before the next 07:00 round: this morning's, or after a weekend or a holiday the
            // first morning's after that school day (its round would otherwise find the tasks done on their due day still
            // open, and escalate some of them).
            var firstMorning = previous is { } last && last.AddDays(1) < day ? last.AddDays(1) : day;
            var steps = new List<(DateTimeOffset At, bool WaitForBulk, bool IsRound)>();
            if (firstMorning < day) steps.Add((UkTime.StartOf(firstMorning).AddHours(6.99), false, false));
            steps.Add((UkTime.StartOf(day).AddHours(6.99), firstMorning < day, false));
            steps.Add((UkTime.StartOf(day).AddHours(8), firstMorning == day, true));
            previous = day;
            Task<DailyWork.DayReads>? reads = null;
            foreach (var (at, waitForBulk, isRound) in steps)
            {
                if (waitForBulk) await work.BulkDoneAsync();
                if (isRound) reads = work.ReadAsync(day, ct);
                var tick = phases.Now();
                wal.Phase = $"{(isRound ? "the 07:00 round" : "the night's timers")} of {Day(day)}";
                var advanced = await machine.AdvanceToAsync(at, ct);
                if (isRound) roundTime += phases.Since(tick);
                else machineTime += phases.Since(tick);
                (fired, cancelled, warned, escalated, foundDone) = (fired + advanced.Fired, cancelled + advanced.Cancelled,
                    warned + advanced.Warned, escalated + advanced.Escalated, foundDone + advanced.FoundDone);
            }
            if (halfTerms.TryGetValue(day, out var label))
            {
                wal.Phase = $"the half-term report of {Day(day)}";
                reportTime += await phases.TimeAsync(() => report.SnapshotAsync(label, day, ct));
            }
            await work.RunAsync(day, clock.GetUtcNow().UtcDateTime, reads!, ct);
        }
        await work.BulkDoneAsync();
        var recorded = record is null ? 0 : await writer.StopRecordingAsync();
        reportTime += await phases.TimeAsync(() => report.SnapshotAsync("Year end", year.Last, ct));
        var whole = phases.Since(yearStart);
        var jit = jitBefore.Since();
        var gc = gcBefore.Since();

        var figures = await report.FiguresAsync(year.Last, ct);
        var s = work.Stats;
        var seconds = whole.Wall.TotalSeconds;
        var units = s.Started + figures.Events + fired + cancelled + warned + escalated;
        Console.WriteLine();
        report.PrintDistribution();
        Console.WriteLine();
        Console.WriteLine("Reviews");
        Console.WriteLine($"  completed in the year:     {figures.ReviewsCompleted} "
            + $"({Percent(figures.ReviewsOnTime, figures.ReviewsCompleted)} on or before their due date)");
        Console.WriteLine($"  closed unfinished:         {figures.ReviewsCancelled} "
            + "(cancelled: the pupil left the state before the review was done)");
        Console.WriteLine("Deadlines (07:00 rounds)");
        Console.WriteLine($"  reminders sent:            {warned}");
        var escalations = figures.EscalationTasks;
        Console.WriteLine($"  escalations made:          {escalated} "
            + $"(their tasks: {escalations.GetValueOrDefault(WorkTaskStatus.Completed)} closed once the late task was done, "
            + $"{escalations.GetValueOrDefault(WorkTaskStatus.Cancelled)} cancelled when the pupil moved on, "
            + $"{escalations.GetValueOrDefault(WorkTaskStatus.Open)} open)");
        // A round that ran before the last school day's bulk completions found those tasks overdue, and each escalation's unit
        // then found its task done: work for nothing (4,107 units in a year of 10,000 pupils until 4 December 2026).
        Console.WriteLine($"  {FoundDoneLabel,-26} {foundDone} (overdue when a round read them, done when their escalation ran)");
        Console.WriteLine($"  overdue at year end:       {figures.OverdueByKind.Values.Sum()} open tasks due before {Day(year.Last)}"
            + (figures.OverdueByKind.Count == 0 ? ""
                : $" ({string.Join(", ", figures.OverdueByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))})"));
        var programmes = await SchoolProgrammes.FiguresAsync(factory, year.Last, ct);
        Console.WriteLine("Schools' monitoring programmes");
        Console.WriteLine($"  started:                   {schools} (the SENCo monitoring schedule, one per school)");
        Console.WriteLine($"  activities:                {programmes.All}, {programmes.Done} done ({programmes.OnTime} by their due day), "
            + $"{programmes.Overdue} open past their due day");
        Console.WriteLine("Activity");
        Console.WriteLine($"  pupils referred:           {s.Started}");
        Console.WriteLine($"  events handled:            {figures.Events} "
            + $"(review completions {s.ReviewsCompleted}, further concerns {s.ConcernsRaised}, "
            + $"assessment requests {s.AssessmentsRequested}, decisions to assess {s.AssessmentDecisions}, plans issued {s.PlansIssued}, "
            + $"not assessed or no plan {s.PlansRefused}; {s.ExceptionsRecorded} family absences recorded as exceptions; "
            + $"annual-review meetings {s.ReviewMeetings}, decisions {s.ReviewDecisions}, amended plans {s.PlansAmended})");
        Console.WriteLine($"  timers fired:              {fired} ({cancelled} more cancelled at their due time: the pupil had moved on)");
        Console.WriteLine($"  other tasks done in bulk:  {s.OtherTasksCompleted}");
        if (s.RefusedPastCalendar > 0)
            Console.WriteLine($"  refused by the engine:     {s.RefusedPastCalendar} (a date they needed lies past the calendar's last term)");
        Console.WriteLine($"  journal rows:              {figures.Journal}; database file {MiB(dbFile)} MiB, the WAL at most {wal.PeakMiB:0} MiB "
            + $"(reached during {wal.PeakPhase})");
        var compliance = (await app.Services.GetRequiredService<SendWorkflow.Send.Statutory.ComplianceReports>()
            .ComplianceAsync(Cohort.BoroughId, year.First, year.Last, ct))[0];
        Console.WriteLine($"Statutory compliance, {Day(year.First)} to {Day(year.Last)} (as the SEN2 return counts it, against the law's limits)");
        Console.WriteLine($"  requests received:         {compliance.RequestsReceived}; {compliance.CasesWithExceptions} cases with exceptions");
        foreach (var m in new[] { compliance.DecisionsToAssess, compliance.NewPlans, compliance.AnnualReviewDecisions })
        {
            Console.WriteLine($"  {m.Measure + ":",-26} {m.Total}, {m.WithinLimit} within {m.Limit} ({Pct(m.Percent)}); excluding exceptions "
                + $"{m.TotalExcludingExceptions}, {m.WithinLimitExcludingExceptions} within ({Pct(m.PercentExcludingExceptions)})");
        }
        Console.WriteLine("Speed");
        Console.WriteLine($"  wall time:                 {seconds:0.0} s for the year "
            + $"({setup.Elapsed.TotalSeconds:0.0} s before it: host, migrations, seeding)");
        Console.WriteLine($"  events per second:         {figures.Events / seconds:0}");
        Console.WriteLine($"  timers fired per second:   {fired / seconds:0}");
        Console.WriteLine($"  engine units of work:      {units} "
            + $"({units / seconds:0} per second: starts, events, timer firings, reminders, escalations)");
        Console.WriteLine($"  writer busy:               {Secs(whole.Writer)} of the year's {seconds:0.0} s "
            + $"({whole.WriterShare:0%}: the single writer's batches, bulk updates, commits and rewinds)");
        PrintPhases(whole, [("the night's timers, to 06:59", machineTime), ("the 07:00 rounds", roundTime), ("referrals", s.Referrals),
            ("outside events and reviews", s.EventsAndReviews), ("waiting for bulk updates", s.BulkUpdates), ("half-term reports", reportTime)]);
        Console.WriteLine($"  the day's reads:           made beside the 07:00 round (the rows the outside events and reviews are drawn from); "
            + $"waited for after it: {Secs(s.Reads.Wall)} of the year");
        var rewinds = writer.Checkpoints;
        const long perMiB = WriterCheckpoints.PagesPerMiB;
        Console.WriteLine($"  WAL rewinds:               {rewinds.Rewinds} (limit {rewinds.MaxFrames / perMiB} MiB); {rewinds.BusyRewinds} tries "
            + $"kept from finishing ({rewinds.BusyWhileCheckpointing} while the checkpointer copied the log back); the longest from "
            + $"request to rewind {rewinds.LongestWait.TotalSeconds:0.00} s; the log at most {rewinds.MostPages.Requested / perMiB} MiB "
            + $"when a rewind was asked for, {rewinds.MostPages.Rewound / perMiB} MiB when one was done");
        if (writer.Profile is { } writerProfile)
        {
            writer.Profile = null;
            WriterProfileReport.Print(writerProfile, units, "unit of work");
        }
        if (record is not null)
        {
            Console.WriteLine($"  recorded:                  {recorded} statements of the writer, and the database as the year began, in "
                + $"{Path.GetFullPath(record)} (simulate replay runs them again, alone)");
        }
        Console.WriteLine($"  compiled in the year:      {jit.Describe("0.0")} (the JIT's tiers and expression trees)");
        Console.WriteLine($"  collected in the year:     {gc.Describe("0.00")}");
        Console.WriteLine($"  peak memory:               {memory.OwnPeakMiB} MiB of its own (heap, caches); "
            + $"working set {MemoryWatch.WorkingSetPeakMiB} MiB which also counts the program's files and the database's pages read through maps");

        await BenchHost.StopAsync(app);
        return 0;
    }

    /// <summary>
    /// <c>simulate replay FOLDER</c>: the writer's statements of a year <c>simulate --record FOLDER</c> recorded, run again on a
    /// copy of the database as the year began, one after another on the writer's connection with nothing else running (the
    /// checkpointer copying the log back beside it, as in the year). What the year's writes cost SQLite on this machine:
    /// however the rest of the year's work is arranged around the single writer, the year cannot be shorter.
    /// </summary>
    public static async Task<int> ReplayAsync(string recording, bool profile, bool keep)
    {
        if (!WriterRecording.IsIn(recording))
        {
            Console.Error.WriteLine($"{recording} holds no recording: make one with simulate --record {recording}.");
            return 2;
        }
        var folder = BenchHost.NewFolder("replay");
        try
        {
            var dbFile = Path.Combine(folder, "replay.db");
            File.Copy(Path.Combine(recording, WriterRecording.StartFile), dbFile);
            // The clock stands before any year a recording can hold, so that no timer of the copy falls due and fires beside
            // the replay.
            await using var app = BenchHost.Build(dbFile, simulated: true, start: "2000-01-01");
            await BenchHost.StartAsync(app);
            var writer = app.Services.GetRequiredService<SqliteWorkflowWriter>();
            if (profile) writer.Profile = new();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var statements = await writer.ReplayAsync(recording, CancellationToken.None);
            wall.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"SendWorkflow replay of {Path.GetFullPath(recording)}: {statements} statements of the writer, alone, "
                + $"{Environment.ProcessorCount} cores");
            Console.WriteLine($"  wall time:                 {wall.Elapsed.TotalSeconds:0.00} s (reading the recording included; "
                + $"--profile gives the statements' own time); the process's CPU {cpu.TotalSeconds:0.00} s");
            Console.WriteLine($"  WAL rewinds:               {writer.Checkpoints.Rewinds}; the database file {MiB(dbFile)} MiB");
            if (writer.Profile is { } writerProfile)
            {
                writer.Profile = null;
                WriterProfileReport.Print(writerProfile, statements, "statement");
            }
            await BenchHost.StopAsync(app);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep) Console.WriteLine($"  kept:                      {folder} (the database the replay wrote)");
            else BenchHost.DeleteFolder(folder);
        }
    }

    private static void PrintHeader(SchoolCalendar calendar, SchoolYear year, int pupils, int seed, int workers)
    {
        Console.WriteLine($"SendWorkflow school-year simulation: {pupils} pupils in {Model.Schools} schools, seed {seed}, year {year.Label} "
            + $"({calendar.Name}), {workers} workers, SQLite file (WAL), {Environment.ProcessorCount} cores");
        Console.WriteLine($"  clock: {Day(year.First.AddDays(-1))} 08:00 to {Day(year.Last)} 08:00, {year.SchoolDays.Count} school days; "
            + "each school day the simulated clock moves to 08:00 (timers at their due time, the 07:00 deadline round every day)");
        Console.WriteLine("  referrals: first concern on an autumn school day "
            + $"(day = u\u00b2 x {year.AutumnDays.Count} days, most early), started on send-pathway then");
        Console.WriteLine($"  reviews: {Model.ReviewOnTime:0%} on their due day, "
            + $"the rest {Model.LateMinSchoolDays}-{Model.LateMaxSchoolDays} school days late; progress "
            + string.Join(" / ", Model.Progress.Select(p => $"{p.Progress} {p.Share:0%}")));
        Console.WriteLine($"  each school day: further concern {Model.ConcernPerSchoolDayAtStage3:0.0%} at stage 3, "
            + $"assessment request {Model.AssessmentRequestPerSchoolDayAtStage4:0.0%} "
            + $"at stage 4 ({Model.RequestedByParent:0%} by parents); "
            + $"parents of {Model.RequestOnReferral:0%} ask for an assessment at the first concern; "
            + $"{Model.PlanInPlace:0.0%} have a plan from an earlier year, reviewed on a school day of this one "
            + $"(decided within 4 weeks in {Model.ReviewDecidedWithin4Weeks:0%})");
        Console.WriteLine($"  the LA: decides in 3-5 weeks ({Model.DecidedWithin6Weeks:0%}) or 6-8, assesses {Model.Assessed:0%}, "
            + "decides on the plan in weeks 12-15 "
            + $"(issues {Model.PlanIssued:0%}), issues it by week 20 in {Model.PlanWithin20Weeks:0%} of cases, else in weeks 21-30; "
            + $"{Model.FamilyAbsent:0%} of families away 4-6 weeks (an exception, recorded when it begins; the plan slips as long)");
        Console.WriteLine("  other tasks (actions, forms, letters, meetings): completed in bulk on their due day by UPDATEs, outside the engine "
            + "(no journal, never overdue); escalation tasks closed once the task they chase is done; the writer runs them in its turn, "
            + "beside the next night's timers");
    }

    private static string Day(DateOnly d) => d.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    private static long MiB(string file) => File.Exists(file) ? new FileInfo(file).Length / 1024 / 1024 : 0;

    private static string Secs(TimeSpan t) => $"{t.TotalSeconds:0.0} s";

    // Each part's wall time, the cores the process kept busy meanwhile and the single writer's share of it: a part with
    // the writer busy nearly throughout waits on the writer, one with both cores busy on the CPU, one with neither on itself.
    private static void PrintPhases(PhaseTime whole, (string Name, PhaseTime Time)[] parts)
    {
        Console.WriteLine($"  {"where the time went",-30} {"wall",8} {"CPU, cores",11} {"writer busy",12}");
        foreach (var (name, time) in parts.Append(("the rest (between the parts)", Rest(whole, parts))).Append(("the whole year", whole)))
            Console.WriteLine($"    {name,-28} {Secs(time.Wall),8} {time.Cores,11:0.00} {time.WriterShare,12:0%}");
    }

    private static PhaseTime Rest(PhaseTime whole, (string Name, PhaseTime Time)[] parts) =>
        new(whole.Wall - Sum(parts, p => p.Wall), whole.Cpu - Sum(parts, p => p.Cpu), whole.Writer - Sum(parts, p => p.Writer));

    private static TimeSpan Sum((string Name, PhaseTime Time)[] parts, Func<PhaseTime, TimeSpan> of) =>
        parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + of(p.Time));

    private static string Pct(double? p) => p is { } v ? $"{v:0.0}%" : "n/a";

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:0.0}%";
}

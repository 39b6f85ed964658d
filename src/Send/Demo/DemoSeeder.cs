using System.Globalization;
using Microsoft.Extensions.Logging;
using SendWorkflow.Rules;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Clock;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Send.Demo;

/// <summary>
/// On an empty database, seeds a demo borough, a school and about 30 pupils whose histories were lived through
/// the real engine on a clock of their own, so the journal, tasks and timers are what the pathway made; and the
/// school's monitoring programme for the year (<see cref="DemoProgramme"/>). A second school, a secondary, has a dozen
/// pupils lived through the same way (<see cref="DemoSecondSchool"/>).
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<SendWorkflowDbContext> factory, IWorkflowStore store, IDefinitionCatalog catalog,
    CalendarRegistry calendars, TimeProvider time, ILogger<DemoSeeder> logger, SelfReviews.SelfReviewSource? selfReviews = null)
{
    public const string BoroughId = "demo-borough";
    public const string SchoolId = "oakfield-primary";
    /// <summary>The borough's second school, a secondary (<see cref="DemoSecondSchool"/>).</summary>
    public const string SecondSchoolId = "westbrook-academy";

    private static readonly string[] Needs = ["SLCN", "SEMH", "SPLD", "MLD", "ASD", "PD"];
    private static readonly string[] ClassNames = ["Robin", "Wren", "Finch", "Oak", "Ash", "Beech", "Cedar"];

    /// <summary>The demo school has one class per year: "R Robin", "1 Wren", ... "6 Cedar".</summary>
    public static string ClassOf(int yearGroup) =>
        $"{(yearGroup == 0 ? "R" : yearGroup.ToString(CultureInfo.InvariantCulture))} {ClassNames[yearGroup]}";

    private static readonly string[] FirstNames =
        ["Amara", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Harry", "Isla", "Jay", "Kai", "Lily", "Max", "Nia",
         "Oscar", "Priya", "Quinn", "Rosa", "Sam", "Tia", "Umar", "Vera", "Will", "Xena", "Yusuf", "Zara", "Alfie", "Bea",
         "Cal", "Dina", "Eli", "Fay"];
    private static readonly string[] LastNames =
        ["Adeyemi", "Brooks", "Clarke", "Dhillon", "Evans", "Fletcher", "Gill", "Hughes", "Iqbal", "Jones", "Khan",
         "Lewis", "Moore", "Nowak", "Okafor", "Patel", "Quinn", "Reid", "Singh", "Taylor"];

    public async Task<bool> SeedIfEmptyAsync(int seed, CancellationToken ct)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.Pupils.AnyAsync(ct) || await db.Boroughs.AnyAsync(ct)) return false;
            var createdAt = time.GetUtcNow().UtcDateTime;
            db.Boroughs.Add(new Borough { Id = BoroughId, Name = "Demo Borough", CalendarId = "demo-borough", CreatedAt = createdAt });
            db.Schools.Add(new School { Id = SchoolId, Name = "Oakfield Primary School", BoroughId = BoroughId, CreatedAt = createdAt });
            db.Schools.Add(DemoSecondSchool.School(createdAt));
            await db.SaveChangesAsync(ct);
        }
        calendars.Assign(BoroughId, "demo-borough");

        var now = time.GetUtcNow();
        var calendar = calendars.Get("demo-borough");
        var today = UkTime.DateOf(now);
        var earliest = calendar.First.AddDays(5);
        if (!calendar.Covers(today) || today.AddDays(-56) < earliest)
        {
            logger.LogWarning("Demo pupils were not seeded: the demo term calendar does not cover the weeks before today");
            return false;
        }

        var random = new Random(seed);
        // The second school's pupils draw from their own sequence, so the first school's histories stay as they were.
        var second = new Random(seed + 1);
        var plans = new List<PlannedStep>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            for (var i = 0; i < 30; i++)
            {
                var pupilId = $"demo-{i + 1:00}";
                var yearGroup = random.Next(0, 7);
                db.Pupils.Add(new Pupil
                {
                    Id = pupilId,
                    Name = $"{FirstNames[i % FirstNames.Length]} {LastNames[random.Next(LastNames.Length)]}",
                    DateOfBirth = new DateOnly(today.Year - 5 - yearGroup, random.Next(1, 13), random.Next(1, 28)),
                    SchoolId = SchoolId,
                    YearGroup = yearGroup,
                    ClassName = ClassOf(yearGroup),
                    PrimaryNeed = Needs[random.Next(Needs.Length)],
                    CreatedAt = now.UtcDateTime,
                });
                plans.AddRange(Plan(pupilId, i % 8, random, calendar, earliest, today));
            }
            plans.AddRange(DemoSecondSchool.AddPupils(db, second, calendar, earliest, today, now));
            DemoSecondSchool.AddLastYearsAudit(db, today);
            await db.SaveChangesAsync(ct);
        }

        var clock = new SimulatedTimeProvider(UkTime.StartOf(plans.Min(p => p.On)).AddHours(9));
        var engine = new WorkflowEngine(store, catalog, calendars, clock);
        // The school's programme starts on the first school day of this school year (the histories may begin before it).
        var yearStart = UkTime.StartOf(NextSchoolDay(calendar, Programmes.AcademicYear.Of(today).First)).AddHours(8);
        Guid? programme = null;
        var instances = new Dictionary<string, Guid>();
        foreach (var step in plans.OrderBy(p => p.On).ThenBy(p => p.PupilId, StringComparer.Ordinal))
        {
            var at = UkTime.StartOf(step.On).AddHours(9);
            if (programme is null && at >= yearStart)
            {
                if (yearStart > clock.GetUtcNow()) clock.AdvanceTo(yearStart);
                programme = await DemoProgramme.StartAsync(engine, factory, clock, ct) ?? Guid.Empty;
            }
            if (at > clock.GetUtcNow()) clock.AdvanceTo(at);
            if (step.Event == "start")
            {
                instances[step.PupilId] = (await engine.StartAsync("send-pathway", step.PupilId, "demo", ct)).Id;
                continue;
            }
            if (!instances.TryGetValue(step.PupilId, out var instanceId)) continue;
            if (step.Event == "complete-tasks")
            {
                await CompleteDueTasksAsync(engine, instanceId, step.On, DemoSecondSchool.Owns(step.PupilId) ? second : random, ct);
                continue;
            }
            if (step.Target != "send-pathway")
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var target = await db.Instances.AsNoTracking()
                    .Where(i => i.SubjectId == step.PupilId && i.DefinitionId == step.Target && i.Status == InstanceStatus.Active)
                    .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
                if (target is null) continue;
                instanceId = target.Value;
            }
            try
            {
                await engine.RaiseAsync(instanceId, new WorkflowEvent(step.Event, new EventData(step.Data), "demo"), ct);
            }
            catch (Exception ex) when (ex is EventNotHandledException or InstanceClosedException)
            {
                // An earlier step already moved this pupil on; the plan's later step no longer applies.
            }
        }
        programme ??= await DemoProgramme.StartAsync(engine, factory, clock, ct);
        if (programme is { } programmeId && programmeId != Guid.Empty) await DemoProgramme.CompleteSomeAsync(engine, factory, programmeId, ct);
        // Last, so that every school of the demo borough has its SEN allocation for the financial year.
        var oakfieldPupils = instances.Keys.Where(k => !DemoSecondSchool.Owns(k)).Order(StringComparer.Ordinal).ToList();
        await using (var db = await factory.CreateDbContextAsync(ct))
            await DemoFunding.SeedAsync(db, BoroughId, SchoolId, oakfieldPupils, today, ct);
        // Last year's self-reviews of the borough's schools, and this year's started (the EP is assigned with the demo staff).
        await DemoSelfReview.SeedAsync(engine, factory, clock, selfReviews, BoroughId, ct);
        // The second school has done this year's in September, so the borough sees a level and its change from last year.
        await DemoSecondSchool.CompleteThisYearsSelfReviewAsync(engine, factory, clock, selfReviews, ct);
        logger.LogInformation("Seeded the demo borough's two schools with {Count} pupils", instances.Count);
        return true;
    }

    private async Task CompleteDueTasksAsync(WorkflowEngine engine, Guid instanceId, DateOnly on, Random random, CancellationToken ct)
    {
        List<Guid> due;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            due = await db.Tasks.AsNoTracking()
                .Where(t => t.InstanceId == instanceId && t.Status == WorkTaskStatus.Open && t.Raises == null && t.DueOn <= on.AddDays(3))
                .Select(t => t.Id).ToListAsync(ct);
        }
        foreach (var id in due.Where(_ => random.NextDouble() < 0.85))
        {
            await engine.CompleteTaskAsync(id, "done", null, "demo", ct);
        }
    }

    // Journeys through the pathway: 0 stays at stage 1, 1 reaches stage 2, ... 5 an EHC plan, 6 closed, 7 stepped down.
    internal static IEnumerable<PlannedStep> Plan(string pupil, int journey, Random random, SchoolCalendar calendar, DateOnly earliest,
        DateOnly today)
    {
        var depth = journey switch { 6 => 1, 7 => 3, _ => journey + 1 };
        var weeksBack = (journey == 6 ? 2 : depth) switch
        {
            1 => random.Next(1, 6),
            2 => random.Next(9, 20),
            3 => random.Next(24, 34),
            4 => random.Next(40, 48),
            5 => random.Next(50, 56),
            _ => random.Next(56, 62),
        };
        var start = NextSchoolDay(calendar, Max(earliest, today.AddDays(-7 * weeksBack)));
        var steps = new List<PlannedStep> { new(pupil, start, "start") };
        var at = start;
        void Add(DateOnly on, string e, Dictionary<string, object?>? data = null)
        {
            steps.Add(new PlannedStep(pupil, on, e, data ?? []));
            at = on;
        }
        DateOnly SchoolDays(int n) => calendar.AddSchoolDays(at, n);
        Dictionary<string, object?> Progress(string p) => new() { ["progress"] = p };

        steps.Add(new PlannedStep(pupil, SchoolDays(6), "complete-tasks"));
        if (journey == 6)
        {
            Add(SchoolDays(30 + random.Next(0, 4)), "review.completed", Progress("good"));
            return steps.Where(s => s.On < today);
        }
        if (depth >= 2)
        {
            Add(SchoolDays(30 + random.Next(0, 5)), "review.completed", Progress(random.Next(2) == 0 ? "little" : "none"));
            steps.Add(new PlannedStep(pupil, SchoolDays(8), "complete-tasks"));
            Add(SchoolDays(30), "review.completed", Progress("expected"));
        }
        if (depth >= 3)
        {
            Add(calendar.AddTerms(steps.Last(s => s.Event == "review.completed" && s.Data["progress"] is "little" or "none").On, 1),
                "review.completed", Progress("little"));
            steps.Add(new PlannedStep(pupil, SchoolDays(12), "complete-tasks"));
        }
        if (journey == 7)
        {
            Add(SchoolDays(25 + random.Next(0, 10)), "review.completed", Progress("good"));
            steps.Add(new PlannedStep(pupil, SchoolDays(12), "complete-tasks"));
            return steps.Where(s => s.On < today);
        }
        // Pupils on their way to a plan skip stage 4: their parents ask for the assessment from SEN support.
        if (depth is 4 or 5)
        {
            Add(SchoolDays(15 + random.Next(0, 20)), "concern.raised", new() { ["concern"] = "Needs advice from outside agencies" });
            steps.Add(new PlannedStep(pupil, SchoolDays(12), "complete-tasks"));
        }
        // The LA's steps go to the pupil's statutory assessment, which moves the pathway on when it ends.
        void Assessment(DateOnly on, string e, Dictionary<string, object?> data)
        {
            data[e == "plan.issued" ? "issuedOn" : e == "comments.received" ? "receivedOn" : "decidedOn"] = on.ToString("yyyy-MM-dd",
                CultureInfo.InvariantCulture);
            if (e != "comments.received") data[e == "plan.issued" ? "issuedBy" : "decidedBy"] = "LA officer";
            steps.Add(new PlannedStep(pupil, on, e, data) { Target = "ehcp-assessment" });
            at = on;
        }
        if (depth >= 5)
        {
            Add(SchoolDays(20 + random.Next(0, 20)), "assessment.requested", new() { ["by"] = random.Next(2) == 0 ? "parent" : "school" });
            steps.Add(new PlannedStep(pupil, SchoolDays(16), "complete-tasks"));
            Assessment(at.AddDays(7 * 5 + random.Next(0, 6)), "assessment.decided", new() { ["assess"] = true });
        }
        if (depth >= 6)
        {
            Assessment(at.AddDays(7 * 6 + random.Next(0, 14)), "plan.decided", new() { ["issue"] = true });
            Assessment(at.AddDays(16), "comments.received", new() { ["namedSchool"] = "Oakfield Primary School" });
            Assessment(at.AddDays(3 + random.Next(0, 7)), "plan.issued", []);
            steps.Add(new PlannedStep(pupil, SchoolDays(10), "complete-tasks"));
        }
        return steps.Where(s => s.On < today);
    }

    internal static DateOnly NextSchoolDay(SchoolCalendar calendar, DateOnly date)
    {
        while (!calendar.IsSchoolDay(date)) date = date.AddDays(1);
        return date;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    internal sealed record PlannedStep(string PupilId, DateOnly On, string Event, Dictionary<string, object?> Data)
    {
        /// <summary>The workflow the event is for: the pathway, or the pupil's running instance of another definition.</summary>
        public string Target { get; init; } = "send-pathway";

        public PlannedStep(string pupilId, DateOnly on, string @event) : this(pupilId, on, @event, []) { }
    }
}

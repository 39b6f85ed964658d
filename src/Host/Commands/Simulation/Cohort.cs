using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Host.Commands.Simulation;

/// <summary>The model's knobs: every draw is made from a pupil's own seeded random stream.</summary>
internal static class Model
{
    public const int Schools = 40;
    public const double ReviewOnTime = 0.85;
    public const int LateMinSchoolDays = 1, LateMaxSchoolDays = 5;
    public static readonly (string Progress, double Share)[] Progress = [("none", 0.10), ("little", 0.25), ("expected", 0.45), ("good", 0.20)];
    public const double ConcernPerSchoolDayAtStage3 = 0.003;
    public const double AssessmentRequestPerSchoolDayAtStage4 = 0.005;
    public const double RequestedByParent = 0.4;
    /// <summary>Pupils whose parents ask for an assessment on the day of the first concern (parents may ask at any time).</summary>
    public const double RequestOnReferral = 0.02;
    /// <summary>Pupils who already have an EHC plan from an earlier year: their annual review falls in this one.</summary>
    public const double PlanInPlace = 0.015;
    public const double ReviewDecidedWithin4Weeks = 0.45, Maintained = 0.8, Amended = 0.17;
    public const double DecidedWithin6Weeks = 0.8, Assessed = 0.9, PlanIssued = 0.9, PlanWithin20Weeks = 0.55, FamilyAbsent = 0.06;

    /// <summary>How the LA will handle an assessment requested on that day, drawn once when the request arrives.</summary>
    public static SimCase DrawCase(Random r, Guid assessmentId, DateOnly requested)
    {
        var decide = requested.AddDays(7 * (r.NextDouble() < DecidedWithin6Weeks ? r.Next(3, 6) : r.Next(6, 9)) + r.Next(0, 5));
        var assess = r.NextDouble() < Assessed;
        var draft = requested.AddDays(7 * r.Next(12, 16) + r.Next(0, 5));
        var issue = r.NextDouble() < PlanIssued;
        var issueOn = requested.AddDays(7 * (r.NextDouble() < PlanWithin20Weeks ? r.Next(17, 20) : r.Next(20, 30)) + r.Next(0, 5));
        (DateOnly, DateOnly)? absence = null;
        if (r.NextDouble() < FamilyAbsent)
        {
            var from = requested.AddDays(7 * r.Next(2, 8));
            var weeks = r.Next(4, 7);
            absence = (from, from.AddDays(7 * weeks - 1));
            issueOn = issueOn.AddDays(7 * weeks);
        }
        return new SimCase(assessmentId, decide, assess, draft, issue, issueOn, absence);
    }

    public static string DrawProgress(Random random)
    {
        var x = random.NextDouble();
        foreach (var (progress, share) in Progress)
        {
            if (x < share) return progress;
            x -= share;
        }
        return Progress[^1].Progress;
    }
}

/// <summary>What a teacher will do about one review task: the day it is done and the progress recorded.</summary>
internal readonly record struct ReviewPlan(DateOnly On, string Progress);

/// <summary>
/// One simulated pupil. Only the worker handling this pupil touches it (one pupil at a time, in a fixed order),
/// so its random stream gives the same draws for the same seed whatever the thread interleaving.
/// </summary>
internal sealed class SimPupil(int index, int seed, DateOnly referredOn)
{
    public int Index { get; } = index;
    public string PupilId { get; } = $"sim-pupil-{index:D6}";
    public Random Random { get; } = new(seed);
    public DateOnly ReferredOn { get; } = referredOn;
    public Guid InstanceId { get; set; }
    public Dictionary<Guid, ReviewPlan> Reviews { get; } = [];

    /// <summary>The LA's plan for the pupil's current assessment.</summary>
    public SimCase? Case { get; set; }

    public bool RequestsOnReferral { get; init; }
    /// <summary>For a pupil with a plan from an earlier year: the annual review this year.</summary>
    public SimReview? Review { get; init; }
    public Guid ReviewInstanceId { get; set; }
}

/// <summary>One annual review: the meeting, the LA's decision after it, and an amended plan if it amends.</summary>
internal sealed record SimReview(DateOnly MeetingOn, int DecisionAfterDays, string Decision, int AmendedAfterDays)
{
    public bool MeetingHeld { get; set; }
    public DateOnly DecideOn { get; set; } = DateOnly.MaxValue;
    public DateOnly AmendOn { get; set; } = DateOnly.MaxValue;
}

/// <summary>What the LA will do with one assessment and when; an absence of the family delays the plan.</summary>
internal sealed record SimCase(Guid AssessmentId, DateOnly DecideOn, bool Assess, DateOnly DraftOn, bool Issue, DateOnly IssueOn,
    (DateOnly From, DateOnly To)? Absence)
{
    public bool AbsenceRecorded { get; set; }
}

internal static class Cohort
{
    public const string BoroughId = "sim-borough";

    /// <summary>
    /// The pupils, each with a first-concern day in the autumn term (day index u² × term length: most early in
    /// the term) and a seed of its own; and their rows, written directly with EF (no personal data: "Pupil 123"), in
    /// transactions of <see cref="SeedChunk"/> pupils with the WAL rewound between them past its limit (100,000 pupils in
    /// one took it to 235 MiB).
    /// </summary>
    public static async Task<List<SimPupil>> SeedAsync(IDbContextFactory<SendWorkflowDbContext> factory, SqliteWorkflowWriter writer,
        string calendarId, SchoolYear year, int count, int seed, DateTime now)
    {
        var master = new Random(seed);
        var pupils = new List<SimPupil>(count);
        await using var db = await factory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Boroughs.Add(new Borough { Id = BoroughId, Name = "Simulated Borough", CalendarId = calendarId, CreatedAt = now });
        for (var s = 1; s <= Model.Schools; s++)
        {
            db.Schools.Add(new School { Id = SchoolId(s), Name = $"School {s}", BoroughId = BoroughId, CreatedAt = now });
        }
        var autumnStart = year.AutumnDays[0];
        for (var i = 1; i <= count; i++)
        {
            var u = master.NextDouble();
            var referredOn = year.AutumnDays[(int)(u * u * year.AutumnDays.Count)];
            var yearGroup = master.Next(0, 7);
            var born = new DateOnly(autumnStart.Year - 5 - yearGroup, 9, 1).AddDays(master.Next(365));
            var carried = master.NextDouble();
            var pupil = new SimPupil(i, master.Next(), referredOn)
            {
                RequestsOnReferral = carried < Model.RequestOnReferral,
                Review = carried >= Model.RequestOnReferral && carried < Model.RequestOnReferral + Model.PlanInPlace ? DrawReview(master, year)
                    : null,
            };
            pupils.Add(pupil);
            db.Pupils.Add(new Pupil
            {
                Id = pupil.PupilId, Name = $"Pupil {i}", DateOfBirth = born, SchoolId = SchoolId(1 + master.Next(Model.Schools)),
                YearGroup = yearGroup, CreatedAt = now,
            });
            if (i % SeedChunk == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                await writer.RewindIfLongAsync(CancellationToken.None);
            }
        }
        await db.SaveChangesAsync();
        return pupils;
    }

    private const int SeedChunk = 10_000;

    private static SimReview DrawReview(Random r, SchoolYear year)
    {
        var meeting = year.SchoolDays[r.Next(10, year.SchoolDays.Count - 40)];
        var days = r.NextDouble() < Model.ReviewDecidedWithin4Weeks ? r.Next(10, 29) : r.Next(29, 50);
        var x = r.NextDouble();
        var decision = x < Model.Maintained ? "maintain" : x < Model.Maintained + Model.Amended ? "amend" : "cease";
        return new SimReview(meeting, days, decision, 7 * r.Next(6, 11));
    }

    private static string SchoolId(int n) => $"sim-school-{n:D2}";
}

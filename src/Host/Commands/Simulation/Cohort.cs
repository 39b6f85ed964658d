using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Persistence;

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
    public const int DecisionMinWeeks = 16, DecisionMaxWeeks = 20;
    public const double PlanIssued = 0.85;

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

    /// <summary>The stage-5 entry the LA's decision below belongs to.</summary>
    public DateTime? DecisionFor { get; set; }
    public DateOnly DecisionOn { get; set; }
    public bool PlanIssued { get; set; }
}

internal static class Cohort
{
    public const string BoroughId = "sim-borough";

    /// <summary>
    /// The pupils, each with a first-concern day in the autumn term (day index u² × term length: most early in
    /// the term) and a seed of its own; and their rows, written directly with EF (no personal data: "Pupil 123").
    /// </summary>
    public static async Task<List<SimPupil>> SeedAsync(IDbContextFactory<SendWorkflowDbContext> factory, string calendarId,
        SchoolYear year, int count, int seed, DateTime now)
    {
        var master = new Random(seed);
        var pupils = new List<SimPupil>(count);
        await using var db = await factory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Boroughs.Add(new BoroughRecord { Id = BoroughId, Name = "Simulated Borough", CalendarId = calendarId, CreatedAt = now });
        for (var s = 1; s <= Model.Schools; s++)
        {
            db.Schools.Add(new SchoolRecord { Id = SchoolId(s), Name = $"School {s}", BoroughId = BoroughId, CreatedAt = now });
        }
        var autumnStart = year.AutumnDays[0];
        for (var i = 1; i <= count; i++)
        {
            var u = master.NextDouble();
            var referredOn = year.AutumnDays[(int)(u * u * year.AutumnDays.Count)];
            var yearGroup = master.Next(0, 7);
            var born = new DateOnly(autumnStart.Year - 5 - yearGroup, 9, 1).AddDays(master.Next(365));
            var pupil = new SimPupil(i, master.Next(), referredOn);
            pupils.Add(pupil);
            db.Pupils.Add(new PupilRecord
            {
                Id = pupil.PupilId, Name = $"Pupil {i}", DateOfBirth = born, SchoolId = SchoolId(1 + master.Next(Model.Schools)),
                YearGroup = yearGroup, CreatedAt = now,
            });
        }
        await db.SaveChangesAsync();
        return pupils;
    }

    private static string SchoolId(int n) => $"sim-school-{n:D2}";
}

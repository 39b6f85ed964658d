using System.Globalization;
using SendWorkflow.Send.Programmes;
using SendWorkflow.Send.SelfReviews;

namespace SendWorkflow.Send.Demo;

/// <summary>
/// The demo borough's second school, a secondary, so that a newcomer sees the borough's view across schools: a dozen pupils
/// at different stages walked through the engine like the first school's (four with EHC plans, one of them looked after
/// and one in Year 11; two plans had an early review meeting this autumn whose report has not come, so the borough sees
/// them late), and its SEN audit of last year, held and reported.
/// </summary>
internal static class DemoSecondSchool
{
    public const string SchoolId = DemoSeeder.SecondSchoolId;
    public const string Name = "Westbrook Academy";
    private const string Prefix = "westbrook-";

    // Each pupil: year group, primary need, journey (as the first school's: 0 stage 1 ... 4 being assessed, 6 closed,
    // 7 stepped down; -1 an EHC plan), looked after, and for a plan how many weeks ago an early review meeting was held.
    private static readonly (string Name, int Year, string Need, int Journey, bool LookedAfter, int? ReviewWeeksAgo)[] Pupils =
    [
        ("Aiden Walsh", 7, "SPLD", 0, false, null),
        ("Bella Osei", 8, "SLCN", 1, false, null),
        ("Callum Price", 9, "SEMH", 2, false, null),
        ("Daisy Mensah", 10, "MLD", 3, false, null),
        ("Ethan Kowalski", 11, "ASD", -1, false, null),
        ("Freya Hussain", 9, "SLCN", -1, false, 5),
        ("George Lindqvist", 8, "SEMH", -1, true, null),
        ("Hana Begum", 10, "PD", -1, false, 4),
        ("Isaac Turner", 7, "ASD", 4, false, null),
        ("Jasmine Ali", 8, "SPLD", 6, false, null),
        ("Kofi Boateng", 10, "MLD", 7, false, null),
        ("Lucy Ferreira", 11, "SEMH", 1, false, null),
    ];

    public static bool Owns(string pupilId) => pupilId.StartsWith(Prefix, StringComparison.Ordinal);

    public static School School(DateTime createdAt) =>
        new() { Id = SchoolId, Name = Name, BoroughId = DemoSeeder.BoroughId, Phase = SchoolPhases.Secondary, CreatedAt = createdAt };

    /// <summary>Adds the school's pupils to the context and returns the steps of their histories, before today.</summary>
    public static List<DemoSeeder.PlannedStep> AddPupils(SendWorkflowDbContext db, Random random, SchoolCalendar calendar, DateOnly earliest,
        DateOnly today, DateTimeOffset now)
    {
        var steps = new List<DemoSeeder.PlannedStep>();
        for (var i = 0; i < Pupils.Length; i++)
        {
            var (name, year, need, journey, lookedAfter, reviewWeeksAgo) = Pupils[i];
            var pupilId = $"{Prefix}{i + 1:00}";
            db.Pupils.Add(new Pupil
            {
                Id = pupilId, Name = name, DateOfBirth = new DateOnly(today.Year - 5 - year, random.Next(1, 13), random.Next(1, 28)),
                SchoolId = SchoolId, YearGroup = year, ClassName = $"{year.ToString(CultureInfo.InvariantCulture)}B", PrimaryNeed = need,
                LookedAfter = lookedAfter, CreatedAt = now.UtcDateTime,
            });
            steps.AddRange(journey >= 0
                ? DemoSeeder.Plan(pupilId, journey, random, calendar, earliest, today)
                : WithPlan(pupilId, random, calendar, earliest, today, reviewWeeksAgo));
        }
        return steps;
    }

    /// <summary>
    /// Last year's SEN audit, held and reported before the demo's histories begin: a record of the borough's file, with no
    /// workflow of its own on the service (the service's audits run the sen-audit workflow), so the next falls due two years on.
    /// </summary>
    public static void AddLastYearsAudit(SendWorkflowDbContext db, DateOnly today)
    {
        var auditOn = new DateOnly(today.Month >= 9 ? today.Year - 1 : today.Year - 2, 11, 12);
        var at = UkTime.StartOf(auditOn).AddHours(15).UtcDateTime;
        db.SenAudits.Add(new SenAuditRecord
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero)), BoroughId = DemoSeeder.BoroughId, SchoolId = SchoolId,
            Status = SenAuditStatuses.FollowedUp, ScheduledHow = "borough", AuditOn = auditOn, Seed = 2025,
            VerbalFeedback = "Files well kept; provision at SEN support is clear. Outside agencies' advice is not always in the pupil's plan.",
            ProvisionNotes = "A whole-school provision map by year group, with costs.",
            BudgetNotes = "Spending on teaching assistants matches the plan.",
            FeedbackAt = at, FeedbackBy = "demo",
            Findings = "Good practice in transition from the primary schools; outside agencies' advice to be written into plans.",
            ReportActions = """[{"area":"Outside agencies","action":"Write their advice into the pupils' SEN support plans","owner":"SENCo"}]""",
            ReportedOn = auditOn.AddDays(14), ReportedBy = "demo", CreatedAt = at, CreatedBy = "demo", UpdatedAt = at,
        });
    }

    // A pupil who came with a need the school asked the borough to assess: the assessment and the plan within about 20 weeks;
    // some plans had an early review meeting this autumn (Year 9 and 10 options), whose report the school has not sent.
    private static IEnumerable<DemoSeeder.PlannedStep> WithPlan(string pupil, Random random, SchoolCalendar calendar, DateOnly earliest,
        DateOnly today, int? reviewWeeksAgo)
    {
        var start = DemoSeeder.NextSchoolDay(calendar, Max(earliest, today.AddDays(-7 * random.Next(44, 50))));
        var steps = new List<DemoSeeder.PlannedStep> { new(pupil, start, "start") };
        var at = calendar.AddSchoolDays(start, 6);
        steps.Add(new DemoSeeder.PlannedStep(pupil, at, "complete-tasks"));
        at = calendar.AddSchoolDays(at, 4);
        steps.Add(new DemoSeeder.PlannedStep(pupil, at, "assessment.requested", new() { ["by"] = "school" }));
        steps.Add(new DemoSeeder.PlannedStep(pupil, calendar.AddSchoolDays(at, 12), "complete-tasks"));
        void Assessment(DateOnly on, string e, Dictionary<string, object?> data)
        {
            data[e == "plan.issued" ? "issuedOn" : e == "comments.received" ? "receivedOn" : "decidedOn"] =
                on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (e != "comments.received") data[e == "plan.issued" ? "issuedBy" : "decidedBy"] = "LA officer";
            steps.Add(new DemoSeeder.PlannedStep(pupil, on, e, data) { Target = "ehcp-assessment" });
            at = on;
        }
        Assessment(at.AddDays(7 * 5 + random.Next(0, 4)), "assessment.decided", new() { ["assess"] = true });
        Assessment(at.AddDays(7 * 6 + random.Next(0, 10)), "plan.decided", new() { ["issue"] = true });
        Assessment(at.AddDays(16), "comments.received", new() { ["namedSchool"] = Name });
        Assessment(at.AddDays(3 + random.Next(0, 5)), "plan.issued", []);
        steps.Add(new DemoSeeder.PlannedStep(pupil, calendar.AddSchoolDays(at, 10), "complete-tasks"));
        if (reviewWeeksAgo is { } weeks)
        {
            var held = DemoSeeder.NextSchoolDay(calendar, today.AddDays(-7 * weeks));
            steps.Add(new DemoSeeder.PlannedStep(pupil, held, "review.meeting-held",
                new() { ["heldOn"] = held.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }) { Target = "ehcp-annual-review" });
        }
        return steps.Where(s => s.On < today);
    }

    /// <summary>
    /// This year's self-review, done in September as the school's SENCo would: every descriptor levelled (the dimensions of
    /// last year's work plan a point up), the register's figures, the two weakest dimensions chosen for the EP's meeting; the
    /// workflow's September task completed through the engine, so the EP's meeting is what comes next.
    /// </summary>
    public static async Task CompleteThisYearsSelfReviewAsync(WorkflowEngine engine, IDbContextFactory<SendWorkflowDbContext> factory,
        TimeProvider clock, SelfReviewSource? source, CancellationToken ct)
    {
        if (DemoSelfReview.ReviewOf(source) is not { } review) return;
        var now = clock.GetUtcNow();
        var year = AcademicYear.Of(UkTime.DateOf(now));
        Guid? task;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var last = await db.SelfReviews.AsNoTracking()
                .FirstOrDefaultAsync(r => r.SchoolId == SchoolId && r.AcademicYear == year.Previous.ToString(), ct);
            var instance = await db.Programmes.AsNoTracking()
                .Where(p => p.SchoolId == SchoolId && p.DefinitionId == SelfReviews.SelfReviews.DefinitionId && p.AcademicYear == year.ToString())
                .Select(p => (Guid?)p.InstanceId).FirstOrDefaultAsync(ct);
            if (last is null || instance is null) return;
            var before = await db.SelfReviewLevels.AsNoTracking().Where(l => l.SelfReviewId == last.Id)
                .ToDictionaryAsync(l => l.DescriptorId, l => l.Level, ct);
            var planned = await db.WorkPlanLines.AsNoTracking().Where(w => w.SelfReviewId == last.Id).Select(w => w.DimensionId).ToListAsync(ct);
            var done = UkTime.StartOf(new DateOnly(year.StartYear, 9, 24)).AddHours(15).UtcDateTime;
            var register = await SenFigureRules.FromRegisterAsync(db, SchoolId, ct);
            var record = new SelfReviewRecord
            {
                Id = Guid.CreateVersion7(now), SchoolId = SchoolId, AcademicYear = year.ToString(), SavedBy = "demo", SavedAt = done,
                CompletedAt = done, Figures = System.Text.Json.JsonSerializer.Serialize(register, SenFigureRules.Json),
            };
            db.SelfReviews.Add(record);
            var means = new List<(string Dimension, double Mean)>();
            foreach (var dimension in review.Dimensions)
            {
                var levels = dimension.Descriptors.Select(d =>
                    Math.Clamp(before.GetValueOrDefault(d.Id, 2) + (planned.Contains(dimension.Id) ? 1 : 0), 1, 4)).ToList();
                foreach (var (descriptor, level) in dimension.Descriptors.Zip(levels))
                {
                    db.SelfReviewLevels.Add(new SelfReviewLevel
                    {
                        Id = Guid.CreateVersion7(now), SelfReviewId = record.Id, DescriptorId = descriptor.Id, Level = level,
                        Evidence = "Seen in the faculty reviews and the provision map.",
                    });
                }
                means.Add((dimension.Id, levels.Average()));
            }
            var discuss = means.OrderBy(m => m.Mean).Take(2).Select(m => m.Dimension).ToList();
            foreach (var dimension in review.Dimensions)
            {
                db.SelfReviewDimensions.Add(new SelfReviewDimension
                {
                    Id = Guid.CreateVersion7(now), SelfReviewId = record.Id, DimensionId = dimension.Id,
                    ForDiscussion = discuss.Contains(dimension.Id),
                });
            }
            await db.SaveChangesAsync(ct);
            task = await db.Tasks.AsNoTracking()
                .Where(t => t.InstanceId == instance.Value && t.Status == WorkTaskStatus.Open && t.DefinitionTaskId == "complete-self-review")
                .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        }
        if (task is { } id) await engine.CompleteTaskAsync(id, null, "Recorded on the school's self-review.", "demo", ct);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

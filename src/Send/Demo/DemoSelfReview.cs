using SendWorkflow.Send.Programmes;
using SendWorkflow.Send.SelfReviews;

namespace SendWorkflow.Send.Demo;

/// <summary>
/// The demo borough's self-reviews: last year's for each of its schools, done (levels, figures, the EP's meeting, the work
/// plan reviewed in July), so the school sees this year beside last year and the borough sees a trend; and this year's
/// self-review workflow started for each school, its September task open.
/// </summary>
internal static class DemoSelfReview
{
    private static readonly (string Dimension, string Area, string Action)[] Plan =
    [
        ("assessment", "Tracking", "Track pupils who may have SEN half-termly in the pupil progress meetings"),
        ("governance", "Reporting to governors", "A termly SEN report to the full governing body"),
    ];

    /// <summary>The shipped self-review; none in a trimmed definitions folder without it, when there is nothing to seed.</summary>
    public static SelfReviewDefinition? ReviewOf(SelfReviewSource? source) => source?.Installed;

    public static async Task SeedAsync(WorkflowEngine engine, IDbContextFactory<SendWorkflowDbContext> factory, TimeProvider clock,
        SelfReviewSource? source, string boroughId, CancellationToken ct)
    {
        if (ReviewOf(source) is not { } review) return;
        var now = clock.GetUtcNow();
        var year = AcademicYear.Of(UkTime.DateOf(now));
        var last = year.Previous;
        await using var db = await factory.CreateDbContextAsync(ct);
        var schools = await db.Schools.AsNoTracking().Where(s => s.BoroughId == boroughId).OrderBy(s => s.Id).ToListAsync(ct);
        for (var n = 0; n < schools.Count; n++)
        {
            var school = schools[n];
            var register = await SenFigureRules.FromRegisterAsync(db, school.Id, ct);
            var record = new SelfReviewRecord
            {
                Id = Guid.CreateVersion7(now), SchoolId = school.Id, AcademicYear = last.ToString(), SavedBy = "demo",
                SavedAt = UkTime.StartOf(new DateOnly(last.StartYear, 9, 25)).UtcDateTime,
                CompletedAt = UkTime.StartOf(new DateOnly(last.StartYear, 9, 25)).UtcDateTime,
                Figures = System.Text.Json.JsonSerializer.Serialize(register with { OnRoll = Math.Max(register.OnRoll - 6, 0) },
                    SenFigureRules.Json),
                MeetingOn = new DateOnly(last.StartYear, 10, 8), MeetingBy = "demo", MeetingAttendees = "SENCo, headteacher, EP",
                WorkPlanAgreedOn = new DateOnly(last.StartYear, 10, 20), WorkPlanAgreedBy = "demo",
                ReviewedOn = new DateOnly(last.StartYear + 1, 7, 6), ReviewedBy = "demo",
                ReviewSummary = "Tracking is in place; the governors' termly report carries into this year.",
            };
            db.SelfReviews.Add(record);
            foreach (var (dimension, i) in review.Dimensions.Select((d, i) => (d, i)))
            {
                foreach (var (descriptor, j) in dimension.Descriptors.Select((d, j) => (d, j)))
                {
                    db.SelfReviewLevels.Add(new SelfReviewLevel
                    {
                        Id = Guid.CreateVersion7(now), SelfReviewId = record.Id, DescriptorId = descriptor.Id,
                        Level = Math.Clamp(2 + (i + j + n) % 3 - (Plan.Any(p => p.Dimension == dimension.Id) ? 1 : 0), 1, 4),
                        Evidence = "Seen in planning scrutiny and pupil progress meetings.",
                    });
                }
                var planned = Plan.FirstOrDefault(p => p.Dimension == dimension.Id);
                db.SelfReviewDimensions.Add(new SelfReviewDimension
                {
                    Id = Guid.CreateVersion7(now), SelfReviewId = record.Id, DimensionId = dimension.Id, ForDiscussion = planned.Area is not null,
                    ImproveNotes = planned.Area is null ? null : planned.Action,
                });
            }
            for (var k = 0; k < Plan.Length; k++)
            {
                db.WorkPlanLines.Add(new WorkPlanLine
                {
                    Id = Guid.CreateVersion7(now), SelfReviewId = record.Id, Number = k + 1, DimensionId = Plan[k].Dimension, Area = Plan[k].Area,
                    Action = Plan[k].Action, Owner = "SENCo", DueOn = new DateOnly(last.StartYear + 1, 3, 31),
                    ReviewStatus = k == 0 ? "done" : "carried forward",
                });
            }
            await db.SaveChangesAsync(ct);
            await StartAsync(engine, db, school.Id, year, now, ct);
        }
    }

    // This year's self-review workflow, as the borough starts it in September.
    private static async Task StartAsync(WorkflowEngine engine, SendWorkflowDbContext db, string schoolId, AcademicYear year, DateTimeOffset now,
        CancellationToken ct)
    {
        WorkflowInstance instance;
        try
        {
            instance = await engine.StartAsync(SelfReviews.SelfReviews.DefinitionId, SchoolSubject.Of(schoolId), "demo", ct);
        }
        catch (DefinitionNotFoundException)
        {
            return;
        }
        db.Programmes.Add(new ProgrammeRecord
        {
            Id = Guid.CreateVersion7(now), SchoolId = schoolId, DefinitionId = SelfReviews.SelfReviews.DefinitionId,
            AcademicYear = year.ToString(), InstanceId = instance.Id, StartedAt = now.UtcDateTime, StartedBy = "demo",
        });
        await db.SaveChangesAsync(ct);
    }
}

using SendWorkflow.Send.ActionPlans;
using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.CpdAudits;

/// <summary>
/// The SENCo's CPD audit, year by year: each statement of outstanding practice rated with a comment, this year's beside
/// last year's; the priorities picked become actions in the school's SEN action plan (once each) and their topics the
/// year's training needs, for the SEN information report.
/// </summary>
public sealed class CpdAudits(
    IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, ActionPlans.ActionPlans plans, CpdAuditSource source, TimeProvider time)
{
    public const int MaxComment = 2000;
    private const string Resource = "cpd-audit";

    public async Task<CpdAuditDto> GetAsync(Caller caller, string schoolId, string? academicYear, CancellationToken ct)
    {
        var audit = source.Audit;
        await guard.RequireSchoolAsync(caller, schoolId, "see the school's CPD audit", Capabilities.Of(Capabilities.ChangeActionPlan));
        if (!TryYear(academicYear, out var year))
            throw new RequestValidationException([new Problem("'year' is a school year such as 2026-27.", "year")]);
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireSchoolExistsAsync(db, schoolId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, Resource, $"{schoolId} {year}", null, schoolId);
        var dto = await ReadAsync(db, audit, schoolId, year, ct);
        // A save that committed but stopped before its actions reached the plan is made good here.
        await AddToActionPlanAsync(audit, schoolId, year, dto.Priorities, dto.SavedBy ?? caller.Actor, ct);
        return dto;
    }

    /// <summary>Replaces the year's ratings and priorities; refused with every problem listed, nothing saved.</summary>
    public async Task<CpdAuditDto> SaveAsync(Caller caller, string schoolId, string? academicYear, SaveCpdAuditRequest body, CancellationToken ct)
    {
        var audit = source.Audit;
        await guard.RequireSchoolAsync(caller, schoolId, "change the school's CPD audit", Capabilities.Of(Capabilities.ChangeActionPlan));
        var problems = new ProblemCollector();
        problems.Check(TryYear(academicYear, out var year), "year", "'year' is a school year such as 2026-27.");
        var ratings = body.Ratings ?? [];
        var priorities = body.Priorities ?? [];
        CheckRatings(audit, ratings, problems);
        CheckPriorities(audit, priorities, problems);
        problems.ThrowIfAny();

        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireSchoolExistsAsync(db, schoolId, ct);
        var key = year.ToString();
        var answers = (await db.CpdAudit.Where(a => a.SchoolId == schoolId && a.AcademicYear == key).ToListAsync(ct))
            .ToDictionary(a => a.StatementId, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var wanted = ratings.Select(r => r!.StatementId!).Concat(priorities.Select(p => p!.StatementId!)).ToHashSet(StringComparer.Ordinal);
        db.CpdAudit.RemoveRange(answers.Values.Where(a => !wanted.Contains(a.StatementId)));
        foreach (var id in wanted)
        {
            if (!answers.TryGetValue(id, out var answer))
            {
                answer = new CpdAuditAnswer { Id = Guid.CreateVersion7(now), SchoolId = schoolId, AcademicYear = key, StatementId = id };
                db.CpdAudit.Add(answer);
            }
            var rating = ratings.FirstOrDefault(r => r!.StatementId == id);
            var priority = priorities.FirstOrDefault(p => p!.StatementId == id);
            answer.Rating = rating?.Rating;
            answer.Comment = Text(rating?.Comment);
            answer.IsPriority = priority is not null;
            answer.PriorityAction = Text(priority?.Action);
            answer.PriorityOwner = Text(priority?.Owner);
            answer.PriorityDueOn = priority?.DueOn;
            answer.SavedAt = now.UtcDateTime;
            answer.SavedBy = caller.Actor;
        }
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject(Resource, $"{schoolId} {key}", null, schoolId)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("Someone else saved this year's CPD audit at the same moment; open it again to see theirs.");
        }
        var saved = await ReadAsync(db, audit, schoolId, year, ct);
        await AddToActionPlanAsync(audit, schoolId, year, saved.Priorities, caller.Actor, ct);
        return saved;
    }

    /// <summary>
    /// The year's training needs (the topics of its priorities, in the audit's order), for the SEN information report. No
    /// caller: the report that asks has checked its own caller and audits the look.
    /// </summary>
    public async Task<IReadOnlyList<string>> TrainingNeedsAsync(string schoolId, AcademicYear year, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await ReadAsync(db, source.Audit, schoolId, year, ct)).TrainingNeeds;
    }

    private static void CheckRatings(CpdAuditDefinition audit, IReadOnlyList<CpdRatingInput?> ratings, ProblemCollector problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ratings.Count; i++)
        {
            var field = $"ratings[{i}]";
            if (ratings[i] is not { } r)
            {
                problems.Check(false, field, $"'{field}' is empty: give a statementId and a rating.");
                continue;
            }
            CheckStatement(audit, r.StatementId, $"{field}.statementId", seen, "rated", problems);
            problems.Check(r.Rating is not null && CpdRatings.All.Contains(r.Rating), $"{field}.rating",
                r.Rating is null
                    ? $"'{field}.rating' is required: one of {string.Join(", ", CpdRatings.All)}."
                    : $"'{r.Rating}' is not a rating: use one of {string.Join(", ", CpdRatings.All)}.");
            problems.Check(r.Comment is not { Length: > MaxComment }, $"{field}.comment",
                $"'{field}.comment' must be at most {MaxComment} characters.");
        }
    }

    private static void CheckPriorities(CpdAuditDefinition audit, IReadOnlyList<CpdPriorityInput?> priorities, ProblemCollector problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < priorities.Count; i++)
        {
            var field = $"priorities[{i}]";
            if (priorities[i] is not { } p)
            {
                problems.Check(false, field, $"'{field}' is empty: give a statementId.");
                continue;
            }
            CheckStatement(audit, p.StatementId, $"{field}.statementId", seen, "a priority", problems);
            problems.Check(p.Action is not { Length: > 1000 }, $"{field}.action", $"'{field}.action' must be at most 1000 characters.")
                .Check(p.Owner is not { Length: > 200 }, $"{field}.owner", $"'{field}.owner' must be at most 200 characters.")
                .Date(p.DueOn, $"{field}.dueOn");
        }
    }

    private static void CheckStatement(CpdAuditDefinition audit, string? id, string field, HashSet<string> seen, string what,
        ProblemCollector problems)
    {
        if (audit.Find(id) is null)
        {
            problems.Check(false, field, id is null ? $"'{field}' is required." : $"'{id}' is not a statement of the CPD audit.");
            return;
        }
        problems.Check(seen.Add(id!), field, $"'{id}' is {what} twice.");
    }

    private static async Task<CpdAuditDto> ReadAsync(SendWorkflowDbContext db, CpdAuditDefinition audit, string schoolId, AcademicYear year,
        CancellationToken ct)
    {
        var (key, last) = (year.ToString(), year.Previous.ToString());
        var rows = await db.CpdAudit.AsNoTracking()
            .Where(a => a.SchoolId == schoolId && (a.AcademicYear == key || a.AcademicYear == last)).ToListAsync(ct);
        var now = rows.Where(r => r.AcademicYear == key).ToDictionary(r => r.StatementId, StringComparer.Ordinal);
        var before = rows.Where(r => r.AcademicYear == last).ToDictionary(r => r.StatementId, StringComparer.Ordinal);
        var topics = audit.Topics.Select((t, i) => new CpdTopicDto(t.Id, i + 1, t.Title, t.Lead,
            t.Statements.Select(s => new CpdStatementDto(s.Id, s.ShortText, s.Text, now.GetValueOrDefault(s.Id)?.Rating,
                now.GetValueOrDefault(s.Id)?.Comment, before.GetValueOrDefault(s.Id)?.Rating, before.GetValueOrDefault(s.Id)?.Comment)).ToList(),
            t.Challenges, t.PointsToConsider)).ToList();
        // In the audit's order, so the plan and the report read topic by topic.
        var priorities = audit.Topics.SelectMany(t => t.Statements.Select(s => (Topic: t, Statement: s)))
            .Where(x => now.GetValueOrDefault(x.Statement.Id)?.IsPriority == true)
            .Select(x => (x.Topic, x.Statement, Answer: now[x.Statement.Id]))
            .Select(x => new CpdPriorityDto(x.Statement.Id, x.Topic.Title, x.Statement.Text, x.Answer.PriorityAction, x.Answer.PriorityOwner,
                x.Answer.PriorityDueOn))
            .ToList();
        var latest = now.Values.MaxBy(a => a.SavedAt);
        return new CpdAuditDto(schoolId, key, last, CpdRatings.All, topics, priorities, priorities.Select(p => p.Topic).Distinct().ToList(),
            latest is null ? null : new DateTimeOffset(latest.SavedAt, TimeSpan.Zero), latest?.SavedBy);
    }

    // Each priority is an action in the year's plan, once (the plan keeps it by its source key even if the audit changes).
    private async Task AddToActionPlanAsync(CpdAuditDefinition audit, string schoolId, AcademicYear year, IReadOnlyList<CpdPriorityDto> priorities,
        string actor, CancellationToken ct)
    {
        foreach (var p in priorities)
        {
            var (topic, statement) = audit.Find(p.StatementId)!.Value;
            var action = new NewAction($"{topic.Title}: {statement.ShortText}", p.Action ?? $"Develop: {statement.Text}", p.Owner, p.DueOn);
            await plans.AddFromAsync(schoolId, year, Resource, $"cpd:{year}:{p.StatementId}", [action], actor, ct);
        }
    }

    private bool TryYear(string? text, out AcademicYear year) =>
        AcademicYear.TryParseOrCurrent(text, UkTime.DateOf(time.GetUtcNow()), out year);

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task RequireSchoolExistsAsync(SendWorkflowDbContext db, string schoolId, CancellationToken ct)
    {
        if (!await db.Schools.AnyAsync(s => s.Id == schoolId, ct)) throw new NotFoundException($"There is no school '{schoolId}'.");
    }
}

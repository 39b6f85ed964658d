using System.Text.Json;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.ActionPlans;
using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.SelfReviews;

/// <summary>
/// The school's annual self-review with its educational psychologist (seed 001), year by year: in September the SEN audit's
/// figures and a level (1 to 4, with evidence) for each descriptor of the ten dimensions, and the dimensions to discuss; in
/// September or October the EP's critical-friend notes ("what else could we do to improve by one point?"); the agreed work
/// plan, whose actions go into the school's SEN action plan; and its review in June or July. Recording each step completes
/// its task in the year's self-review workflow (definitions/workflows/self-review.json), when the borough or the school has
/// started it.
/// </summary>
public sealed class SelfReviews(
    IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, WorkflowEngine engine, ActionPlans.ActionPlans plans,
    SelfReviewSource source, IDefinitionCatalog catalog, TimeProvider time)
{
    /// <summary>The workflow of the year's self-review.</summary>
    public const string DefinitionId = "self-review";
    public const int MaxEvidence = 2000;
    public const int MaxNotes = 4000;
    public const int MaxWorkPlanLines = 30;
    private const string Resource = "self-review";

    /// <summary>How far each line of the work plan got, at its June or July review.</summary>
    public static readonly IReadOnlyList<string> ReviewStatuses = ["done", "partly done", "not done", "carried forward"];

    public async Task<SelfReviewDto> GetAsync(Caller caller, string schoolId, string? academicYear, CancellationToken ct)
    {
        var review = source.Review;
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await guard.RequireSchoolOversightAsync(db, caller, schoolId, "see the school's self-review",
            Capabilities.Of(Capabilities.ReadSelfReview), ct);
        var problems = new ProblemCollector();
        var year = CheckYear(academicYear, problems);
        problems.ThrowIfAny();
        await guard.AuditAsync(caller, AuditActions.Read, Resource, $"{schoolId} {year}", null, schoolId);
        return await ReadAsync(db, review, school, year, ct);
    }

    /// <summary>
    /// The schools whose self-review the caller may open, by name, for a page's choice: their own school, their borough's
    /// (an LA officer), those assigned to them (an EP), every school (an administrator).
    /// </summary>
    public async Task<IReadOnlyList<School>> SchoolsForAsync(Caller caller, CancellationToken ct)
    {
        if (!caller.Is(Capabilities.Of(Capabilities.ReadSelfReview))) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var schools = db.Schools.AsNoTracking();
        schools = caller.Role switch
        {
            StaffRoles.Administrator => schools,
            StaffRoles.LaOfficer => schools.Where(s => s.BoroughId == caller.BoroughId),
            StaffRoles.EducationalPsychologist => schools.Where(s => AccessPolicy.EpSchoolsFor(caller.User, db).Contains(s.Id)),
            _ => schools.Where(s => s.Id == caller.SchoolId),
        };
        return await schools.OrderBy(s => s.Name).ToListAsync(ct);
    }

    /// <summary>Saves the school's levels, the dimensions to discuss and the audit figures; refused whole, every problem listed.</summary>
    public async Task<SelfReviewDto> SaveAsync(Caller caller, string schoolId, string? academicYear, SaveSelfReviewRequest body,
        CancellationToken ct)
    {
        var review = source.Review;
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await guard.RequireSchoolOversightAsync(db, caller, schoolId, "change the school's self-review",
            Capabilities.Of(Capabilities.ChangeSelfReview), ct);
        var problems = new ProblemCollector();
        var year = CheckYear(academicYear, problems);
        var thisYear = AcademicYear.Of(UkTime.DateOf(time.GetUtcNow()));
        problems.Check(year.StartYear <= thisYear.StartYear, "year",
            $"{year} has not started yet: the self-review is of the year under way ({thisYear}).");
        CheckLevels(review, body.Levels, problems);
        CheckDiscussion(review, body.Discussion, problems);
        var figures = SenFigureRules.Check(body.Figures, problems);
        problems.ThrowIfAny();

        var key = year.ToString();
        var now = time.GetUtcNow();
        var record = await LoadOrAddAsync(db, schoolId, key, caller, ct);
        var levels = await db.SelfReviewLevels.Where(l => l.SelfReviewId == record.Id).ToListAsync(ct);
        var dimensions = await db.SelfReviewDimensions.Where(d => d.SelfReviewId == record.Id).ToListAsync(ct);
        if (body.Levels is { } given)
        {
            var wanted = given.Select(l => l!).ToDictionary(l => l.DescriptorId!, StringComparer.Ordinal);
            db.SelfReviewLevels.RemoveRange(levels.Where(l => !wanted.ContainsKey(l.DescriptorId)));
            foreach (var (id, input) in wanted)
            {
                var row = levels.FirstOrDefault(l => l.DescriptorId == id);
                if (row is null)
                {
                    row = new SelfReviewLevel { Id = Guid.CreateVersion7(now), SelfReviewId = record.Id, DescriptorId = id };
                    db.SelfReviewLevels.Add(row);
                    levels.Add(row);
                }
                row.Level = input.Level!.Value;
                row.Evidence = Text(input.Evidence);
            }
            levels.RemoveAll(l => !wanted.ContainsKey(l.DescriptorId));
        }
        if (body.Discussion is { } chosen)
        {
            var ids = chosen.Select(c => c!).ToHashSet(StringComparer.Ordinal);
            foreach (var dimension in review.Dimensions)
                DimensionRow(db, dimensions, record.Id, dimension.Id, now).ForDiscussion = ids.Contains(dimension.Id);
        }
        if (figures is not null) record.Figures = JsonSerializer.Serialize(figures, SenFigureRules.Json);
        if (body.Complete == true)
        {
            // Complete means every descriptor has a level, something to discuss and the figures confirmed; nothing is saved if not.
            var missing = new ProblemCollector();
            foreach (var dimension in review.Dimensions)
            {
                var open = dimension.Descriptors.Count(d => levels.All(l => l.DescriptorId != d.Id));
                missing.Check(open == 0, "levels", $"Dimension {dimension.Number} ({dimension.Title}) has {open} descriptor"
                    + $"{(open == 1 ? "" : "s")} without a level: give each a level before completing the self-review.");
            }
            missing.Check(dimensions.Any(d => d.ForDiscussion), "discussion",
                    "Choose at least one dimension to discuss with the educational psychologist before completing the self-review.")
                .Check(record.Figures is not null, "figures",
                    "Confirm or correct the SEN audit figures ('figures') before completing the self-review.")
                .ThrowIfAny();
            record.CompletedAt ??= now.UtcDateTime;
        }
        record.SavedAt = now.UtcDateTime;
        record.SavedBy = caller.Actor;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject(Resource, $"{schoolId} {key}", null, schoolId)));
        await SaveAsync(db, ct);
        if (record.CompletedAt is not null) await CompleteTasksAsync(caller, schoolId, key, ["complete-self-review"], ct);
        return await ReadAsync(db, review, school, year, ct);
    }

    /// <summary>The educational psychologist records the critical-friend meeting: its date, who came and the notes per dimension.</summary>
    public async Task<SelfReviewDto> RecordMeetingAsync(Caller caller, string schoolId, string? academicYear, RecordMeetingRequest body,
        CancellationToken ct)
    {
        var review = source.Review;
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await guard.RequireSchoolOversightAsync(db, caller, schoolId, "record the critical-friend meeting",
            Capabilities.Of(Capabilities.RecordCriticalFriendMeeting), ct);
        var problems = new ProblemCollector();
        var year = CheckYear(academicYear, problems);
        CheckDay(body.HeldOn, "heldOn", year, problems);
        problems.Check(body.Attendees is not { Length: > 1000 }, "attendees", "'attendees' must be at most 1000 characters.");
        var notes = body.Notes ?? [];
        problems.Check(notes.Count > 0, "notes",
            "'notes' is required: for each dimension discussed, what else the school could do to improve by one point.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < notes.Count; i++)
        {
            var field = $"notes[{i}]";
            if (notes[i] is not { } n)
            {
                problems.Check(false, field, $"'{field}' is empty: give a dimensionId and notes.");
                continue;
            }
            CheckDimension(review, n.DimensionId, $"{field}.dimensionId", seen, problems);
            problems.Require(n.Notes, $"{field}.notes", MaxNotes);
        }
        problems.ThrowIfAny();

        var key = year.ToString();
        var record = await db.SelfReviews.FirstOrDefaultAsync(r => r.SchoolId == schoolId && r.AcademicYear == key, ct);
        if (record?.CompletedAt is null)
            throw new ConflictException($"The school has not completed its self-review for {key} yet: the meeting discusses it.");
        var now = time.GetUtcNow();
        var dimensions = await db.SelfReviewDimensions.Where(d => d.SelfReviewId == record.Id).ToListAsync(ct);
        foreach (var dimension in review.Dimensions)
        {
            var given = notes.FirstOrDefault(n => n!.DimensionId == dimension.Id);
            if (given is null && dimensions.All(d => d.DimensionId != dimension.Id)) continue;
            DimensionRow(db, dimensions, record.Id, dimension.Id, now).ImproveNotes = Text(given?.Notes);
        }
        record.MeetingOn = body.HeldOn;
        record.MeetingBy = caller.Actor;
        record.MeetingAttendees = Text(body.Attendees);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject(Resource, $"{schoolId} {key} meeting", null, schoolId)));
        await SaveAsync(db, ct);
        // The school's half of the meeting first, so the EP's (which moves the workflow on) finds it done, not cancelled.
        await CompleteTasksAsync(caller, schoolId, key, ["meet-educational-psychologist", "critical-friend-meeting"], ct);
        return await ReadAsync(db, review, school, year, ct);
    }

    /// <summary>The agreed work plan, whole; its actions go into the school's SEN action plan (each once).</summary>
    public async Task<SelfReviewDto> AgreeWorkPlanAsync(Caller caller, string schoolId, string? academicYear, AgreeWorkPlanRequest body,
        CancellationToken ct)
    {
        var review = source.Review;
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await guard.RequireSchoolOversightAsync(db, caller, schoolId, "agree the self-review's work plan",
            Capabilities.Of(Capabilities.ChangeWorkPlan), ct);
        var problems = new ProblemCollector();
        var year = CheckYear(academicYear, problems);
        if (body.AgreedOn is not null) CheckDay(body.AgreedOn, "agreedOn", year, problems);
        var lines = body.Lines ?? [];
        problems.Check(lines.Count > 0, "lines", "'lines' is required: the areas for improvement, each with its action.")
            .Check(lines.Count <= MaxWorkPlanLines, "lines", $"A work plan has at most {MaxWorkPlanLines} lines.");
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"lines[{i}]";
            if (lines[i] is not { } l)
            {
                problems.Check(false, field, $"'{field}' is empty: give an area and an action.");
                continue;
            }
            problems.Check(l.DimensionId is null || review.Dimension(l.DimensionId) is not null, $"{field}.dimensionId",
                    $"'{l.DimensionId}' is not a dimension of the self-review.")
                .Require(l.Area, $"{field}.area")
                .Require(l.Action, $"{field}.action", 1000)
                .Check(l.Owner is not { Length: > 200 }, $"{field}.owner", $"'{field}.owner' must be at most 200 characters.")
                .Date(l.DueOn, $"{field}.dueOn");
        }
        problems.ThrowIfAny();

        var key = year.ToString();
        var record = await db.SelfReviews.FirstOrDefaultAsync(r => r.SchoolId == schoolId && r.AcademicYear == key, ct);
        if (record?.MeetingOn is null)
            throw new ConflictException($"The critical-friend meeting for {key} has not been recorded yet: the work plan comes from it.");
        var now = time.GetUtcNow();
        db.WorkPlanLines.RemoveRange(await db.WorkPlanLines.Where(w => w.SelfReviewId == record.Id).ToListAsync(ct));
        var number = 0;
        foreach (var l in lines.Select(l => l!))
        {
            db.WorkPlanLines.Add(new WorkPlanLine
            {
                Id = Guid.CreateVersion7(now), SelfReviewId = record.Id, Number = ++number, DimensionId = l.DimensionId, Area = l.Area!.Trim(),
                Action = l.Action!.Trim(), Owner = Text(l.Owner), DueOn = l.DueOn,
            });
        }
        record.WorkPlanAgreedOn = body.AgreedOn ?? UkTime.DateOf(now);
        record.WorkPlanAgreedBy = caller.Actor;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject(Resource, $"{schoolId} {key} work plan", null, schoolId)));
        await SaveAsync(db, ct);
        var n = 0;
        foreach (var l in lines.Select(l => l!))
        {
            n++;
            var area = review.Dimension(l.DimensionId) is { } d ? $"Self-review, {d.Title}: {l.Area!.Trim()}" : $"Self-review: {l.Area!.Trim()}";
            await plans.AddFromAsync(schoolId, year, Resource, $"self-review:{key}:{n}",
                [new NewAction(area, l.Action!.Trim(), Text(l.Owner), l.DueOn)], caller.Actor, ct);
        }
        await CompleteTasksAsync(caller, schoolId, key, ["agree-work-plan"], ct);
        return await ReadAsync(db, review, school, year, ct);
    }

    /// <summary>The June or July review of the work plan: how far each line got, and what the review concluded.</summary>
    public async Task<SelfReviewDto> ReviewWorkPlanAsync(Caller caller, string schoolId, string? academicYear, ReviewWorkPlanRequest body,
        CancellationToken ct)
    {
        var review = source.Review;
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await guard.RequireSchoolOversightAsync(db, caller, schoolId, "review the self-review's work plan",
            Capabilities.Of(Capabilities.ChangeWorkPlan), ct);
        var problems = new ProblemCollector();
        var year = CheckYear(academicYear, problems);
        CheckDay(body.ReviewedOn, "reviewedOn", year, problems);
        problems.Check(body.Summary is not { Length: > MaxNotes }, "summary", $"'summary' must be at most {MaxNotes} characters.");
        var key = year.ToString();
        var record = await db.SelfReviews.FirstOrDefaultAsync(r => r.SchoolId == schoolId && r.AcademicYear == key, ct);
        var plan = record is null ? [] : await db.WorkPlanLines.Where(w => w.SelfReviewId == record.Id).ToListAsync(ct);
        var given = body.Lines ?? [];
        var seen = new HashSet<int>();
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"lines[{i}]";
            if (given[i] is not { } g)
            {
                problems.Check(false, field, $"'{field}' is empty: give a number and a status.");
                continue;
            }
            problems.Check(g.Number is { } no && (record?.WorkPlanAgreedOn is null || plan.Any(p => p.Number == no)), $"{field}.number",
                    g.Number is null ? $"'{field}.number' is required: the work plan line's number." : $"The work plan has no line {g.Number}.")
                .Check(g.Number is null || seen.Add(g.Number.Value), $"{field}.number", $"Line {g.Number} is reviewed twice.")
                .Check(g.Status is not null && ReviewStatuses.Contains(g.Status), $"{field}.status",
                    $"'{g.Status}' is not a status: use one of {string.Join(", ", ReviewStatuses)}.")
                .Check(g.Notes is not { Length: > MaxEvidence }, $"{field}.notes", $"'{field}.notes' must be at most {MaxEvidence} characters.");
        }
        problems.ThrowIfAny();
        if (record?.WorkPlanAgreedOn is null)
            throw new ConflictException($"There is no agreed work plan for {key} to review yet.");

        foreach (var g in given.Select(g => g!))
        {
            var line = plan.First(p => p.Number == g.Number);
            line.ReviewStatus = g.Status;
            line.ReviewNotes = Text(g.Notes);
        }
        record.ReviewedOn = body.ReviewedOn;
        record.ReviewedBy = caller.Actor;
        record.ReviewSummary = Text(body.Summary);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject(Resource, $"{schoolId} {key} review", null, schoolId)));
        await SaveAsync(db, ct);
        await CompleteTasksAsync(caller, schoolId, key, ["review-work-plan"], ct);
        return await ReadAsync(db, review, school, year, ct);
    }

    private async Task<SelfReviewDto> ReadAsync(SendWorkflowDbContext db, SelfReviewDefinition review, School school, AcademicYear year,
        CancellationToken ct)
    {
        var (key, last) = (year.ToString(), year.Previous.ToString());
        var records = await db.SelfReviews.AsNoTracking()
            .Where(r => r.SchoolId == school.Id && (r.AcademicYear == key || r.AcademicYear == last)).ToListAsync(ct);
        var now = records.FirstOrDefault(r => r.AcademicYear == key);
        var before = records.FirstOrDefault(r => r.AcademicYear == last);
        var ids = records.Select(r => r.Id).ToList();
        var levels = await db.SelfReviewLevels.AsNoTracking().Where(l => ids.Contains(l.SelfReviewId)).ToListAsync(ct);
        var dims = await db.SelfReviewDimensions.AsNoTracking().Where(d => ids.Contains(d.SelfReviewId)).ToListAsync(ct);
        var plan = now is null
            ? []
            : await db.WorkPlanLines.AsNoTracking().Where(w => w.SelfReviewId == now.Id).OrderBy(w => w.Number).ToListAsync(ct);
        SelfReviewLevel? Level(SelfReviewRecord? r, string descriptor) =>
            r is null ? null : levels.FirstOrDefault(l => l.SelfReviewId == r.Id && l.DescriptorId == descriptor);
        SelfReviewDimension? Dim(SelfReviewRecord? r, string dimension) =>
            r is null ? null : dims.FirstOrDefault(d => d.SelfReviewId == r.Id && d.DimensionId == dimension);

        var dimensions = review.Dimensions.Select(d => new SelfReviewDimensionDto(d.Id, d.Number, d.Title, d.Question,
            Mean(d.Descriptors.Select(x => Level(now, x.Id)?.Level)), Mean(d.Descriptors.Select(x => Level(before, x.Id)?.Level)),
            Dim(now, d.Id)?.ForDiscussion == true, Dim(before, d.Id)?.ForDiscussion == true, Dim(now, d.Id)?.ImproveNotes,
            d.Descriptors.Select(x => new SelfReviewDescriptorDto(x.Id, x.ShortText, x.Text, Level(now, x.Id)?.Level, Level(now, x.Id)?.Evidence,
                Level(before, x.Id)?.Level, Level(before, x.Id)?.Evidence)).ToList())).ToList();
        var register = await SenFigureRules.FromRegisterAsync(db, school.Id, ct);
        var saved = SenFigureRules.Parse(now?.Figures);
        return new SelfReviewDto(school.Id, school.Name, key, last, review.Scale, review.EvidencePrompt, review.ImprovePrompt, dimensions,
            saved ?? register, register, saved is not null, SenFigureRules.Parse(before?.Figures),
            now?.MeetingOn is { } held ? new SelfReviewMeetingDto(held, now.MeetingBy ?? "", now.MeetingAttendees) : null,
            plan.Select(w => new WorkPlanLineDto(w.Number, w.DimensionId, w.Area, w.Action, w.Owner, w.DueOn, w.ReviewStatus, w.ReviewNotes))
                .ToList(),
            now?.WorkPlanAgreedOn, now?.WorkPlanAgreedBy,
            now?.ReviewedOn is { } reviewed ? new WorkPlanReviewDto(reviewed, now.ReviewedBy ?? "", now.ReviewSummary) : null,
            await EpOfAsync(db, school.Id, ct), await ProgressAsync(db, school.Id, key, ct),
            now is null ? null : new DateTimeOffset(now.SavedAt, TimeSpan.Zero), now?.SavedBy,
            now?.CompletedAt is { } done ? new DateTimeOffset(done, TimeSpan.Zero) : null);
    }

    /// <summary>The mean of the levels given, to one decimal; null when none is.</summary>
    public static double? Mean(IEnumerable<int?> levels)
    {
        var given = levels.OfType<int>().ToList();
        return given.Count == 0 ? null : Math.Round(given.Average(), 1, MidpointRounding.AwayFromZero);
    }

    internal static async Task<EducationalPsychologistDto?> EpOfAsync(SendWorkflowDbContext db, string schoolId, CancellationToken ct) =>
        await (from a in db.EpAssignments.AsNoTracking()
               join u in db.Users.AsNoTracking() on a.UserId equals u.Id
               where a.SchoolId == schoolId
               select new EducationalPsychologistDto(u.Id, u.DisplayName)).FirstOrDefaultAsync(ct);

    private async Task<SelfReviewProgressDto?> ProgressAsync(SendWorkflowDbContext db, string schoolId, string key, CancellationToken ct)
    {
        var instanceId = await InstanceOfAsync(db, schoolId, key, ct);
        if (await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct) is not { } instance) return null;
        var definition = await catalog.GetAsync(instance.DefinitionId, instance.Version, ct);
        var open = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instance.Id && t.Status == WorkTaskStatus.Open)
            .OrderBy(t => t.DueOn).Select(t => new SelfReviewTaskDto(t.Id, t.Title, t.Role, t.DueOn)).ToListAsync(ct);
        return new SelfReviewProgressDto(instance.Id, instance.State, definition.States.GetValueOrDefault(instance.State)?.Name ?? instance.State,
            instance.Status.ToString().ToLowerInvariant(), open);
    }

    internal static Task<Guid> InstanceOfAsync(SendWorkflowDbContext db, string schoolId, string key, CancellationToken ct) =>
        db.Programmes.AsNoTracking().Where(p => p.SchoolId == schoolId && p.DefinitionId == DefinitionId && p.AcademicYear == key)
            .Select(p => p.InstanceId).FirstOrDefaultAsync(ct);

    // Recording a step completes its task in the year's workflow, if the year's self-review has been started and the task is
    // still open (someone may have completed it from the inbox already).
    private async Task CompleteTasksAsync(Caller caller, string schoolId, string key, IReadOnlyList<string> taskIds, CancellationToken ct)
    {
        List<WorkTask> open;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var instanceId = await InstanceOfAsync(db, schoolId, key, ct);
            if (instanceId == Guid.Empty) return;
            open = await db.Tasks.AsNoTracking()
                .Where(t => t.InstanceId == instanceId && t.Status == WorkTaskStatus.Open && taskIds.Contains(t.DefinitionTaskId)).ToListAsync(ct);
        }
        foreach (var task in taskIds.SelectMany(id => open.Where(t => t.DefinitionTaskId == id)))
        {
            var audit = guard.Entry(caller, AuditActions.Change, new AuditSubject("task", task.Id.ToString(), null, schoolId));
            try
            {
                using (AuditScope.Attach(audit))
                    await engine.CompleteTaskAsync(task.Id, null, "Recorded on the school's self-review.", caller.Actor, ct);
            }
            catch (TaskNotOpenException)
            {
                // Completed from the inbox, or cancelled by the workflow moving on, in the meantime: nothing left to do.
            }
        }
    }

    private async Task<SelfReviewRecord> LoadOrAddAsync(SendWorkflowDbContext db, string schoolId, string key, Caller caller, CancellationToken ct)
    {
        var record = await db.SelfReviews.FirstOrDefaultAsync(r => r.SchoolId == schoolId && r.AcademicYear == key, ct);
        if (record is not null) return record;
        var now = time.GetUtcNow();
        record = new SelfReviewRecord
        {
            Id = Guid.CreateVersion7(now), SchoolId = schoolId, AcademicYear = key, SavedAt = now.UtcDateTime, SavedBy = caller.Actor,
        };
        db.SelfReviews.Add(record);
        return record;
    }

    private static SelfReviewDimension DimensionRow(SendWorkflowDbContext db, List<SelfReviewDimension> rows, Guid reviewId, string dimensionId,
        DateTimeOffset now)
    {
        var row = rows.FirstOrDefault(d => d.DimensionId == dimensionId);
        if (row is not null) return row;
        row = new SelfReviewDimension { Id = Guid.CreateVersion7(now), SelfReviewId = reviewId, DimensionId = dimensionId };
        db.SelfReviewDimensions.Add(row);
        rows.Add(row);
        return row;
    }

    private static async Task SaveAsync(SendWorkflowDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("Someone else saved this year's self-review at the same moment; open it again to see theirs.");
        }
    }

    private static void CheckLevels(SelfReviewDefinition review, IReadOnlyList<SelfReviewLevelInput?>? levels, ProblemCollector problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = levels ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var field = $"levels[{i}]";
            if (list[i] is not { } l)
            {
                problems.Check(false, field, $"'{field}' is empty: give a descriptorId and a level.");
                continue;
            }
            if (review.Find(l.DescriptorId) is null)
            {
                problems.Check(false, $"{field}.descriptorId", l.DescriptorId is null
                    ? $"'{field}.descriptorId' is required."
                    : $"'{l.DescriptorId}' is not a descriptor of the self-review.");
            }
            else
            {
                problems.Check(seen.Add(l.DescriptorId!), $"{field}.descriptorId", $"'{l.DescriptorId}' is given a level twice.");
            }
            problems.Check(l.Level is >= SelfReviewDefinition.Lowest and <= SelfReviewDefinition.Highest, $"{field}.level",
                    l.Level is null
                        ? $"'{field}.level' is required: {SelfReviewDefinition.Lowest} to {SelfReviewDefinition.Highest}."
                        : $"{l.Level} is not on the scale: a level is {SelfReviewDefinition.Lowest} to {SelfReviewDefinition.Highest}.")
                .Check(l.Evidence is not { Length: > MaxEvidence }, $"{field}.evidence",
                    $"'{field}.evidence' must be at most {MaxEvidence} characters.");
        }
    }

    private static void CheckDiscussion(SelfReviewDefinition review, IReadOnlyList<string?>? discussion, ProblemCollector problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = discussion ?? [];
        for (var i = 0; i < list.Count; i++) CheckDimension(review, list[i], $"discussion[{i}]", seen, problems);
    }

    private static void CheckDimension(SelfReviewDefinition review, string? id, string field, HashSet<string> seen, ProblemCollector problems)
    {
        if (review.Dimension(id) is null)
        {
            problems.Check(false, field, id is null ? $"'{field}' is required." : $"'{id}' is not a dimension of the self-review.");
            return;
        }
        problems.Check(seen.Add(id!), field, $"'{id}' is there twice.");
    }

    private AcademicYear CheckYear(string? text, ProblemCollector problems)
    {
        var ok = AcademicYear.TryParseOrCurrent(text, UkTime.DateOf(time.GetUtcNow()), out var year);
        problems.Check(ok, "year", "'year' is a school year such as 2026-27.");
        return year;
    }

    // A day of the school year, not after today.
    private void CheckDay(DateOnly? day, string field, AcademicYear year, ProblemCollector problems)
    {
        var today = UkTime.DateOf(time.GetUtcNow());
        problems.Check(day is not null, field, $"'{field}' is required: the day it happened.")
            .Check(day is null || day <= today, field, $"'{field}' is after today ({UkTime.Format(today)}).")
            .Check(day is null || (day >= year.First && day <= year.Last), field,
                $"'{field}' is not in the school year {year} (1 September {year.StartYear} to 31 August {year.StartYear + 1}).");
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

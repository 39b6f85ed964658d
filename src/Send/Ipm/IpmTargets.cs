namespace SendWorkflow.Send.Ipm;

/// <summary>
/// A pupil's SMART targets on their individual provision map: set them, change their wording, mark them achieved or
/// stopped, and read them with their scores at each review. Within the caller's scope, by the roles that may change
/// the provision map; every look and every change audited.
/// </summary>
public sealed class IpmTargets(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, TimeProvider time)
{
    private const string What = "change the individual provision map";

    /// <summary>What a target's status may be.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["open", "achieved", "stopped"];

    public async Task<IpmView> GetAsync(Caller caller, string pupilId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await guard.RequirePupilAsync(db, caller, pupilId, "ipm", null, ct);
        if (caller.Role == StaffRoles.LaOfficer)
        {
            await guard.RefuseAsync(caller, "ipm", pupilId, pupilId, pupil.SchoolId,
                "The individual provision map is the school's; an LA officer sees a pupil's statutory work.");
        }
        await guard.AuditAsync(caller, AuditActions.Read, "ipm", pupilId, pupilId, pupil.SchoolId);
        return await ViewAsync(db, pupilId, ct);
    }

    /// <summary>The map as reviews see it, for a caller already let in (the pupil record, the transition pack).</summary>
    public static async Task<IpmView> ViewAsync(SendWorkflowDbContext db, string pupilId, CancellationToken ct)
    {
        var targets = await db.Targets.AsNoTracking().Where(t => t.PupilId == pupilId).OrderBy(t => t.SetOn).ThenBy(t => t.CreatedAt)
            .ToListAsync(ct);
        var reviews = await ReviewHistory.OfPupilAsync(db, pupilId, ct);
        var scores = reviews.SelectMany(r => r.Scores.Select(s => (s.Target, Dto: new TargetScoreDto(r.On, s.Score, TargetScale.Words(s.Score),
            s.Note, r.TaskId)))).ToLookup(x => x.Target, x => x.Dto);
        return new IpmView(pupilId,
            targets.Select(t => new TargetDto(t.Id, t.PupilId, t.Text, t.SuccessCriteria, t.SetOn, t.Status, t.ClosedOn, scores[t.Id].ToList()))
                .ToList(),
            reviews.Where(r => r.Scores.Count > 0)
                .Select(r => new ScoredReviewDto(r.TaskId, r.On, r.State, r.Progress, r.FromTargets, r.Reason, r.Mean)).ToList(),
            reviews.SelectMany(r => r.Impacts.Select(i => new ImpactDto(i.Provision, r.On, i.Level, r.TaskId))).ToList());
    }

    public async Task<TargetDto> AddAsync(Caller caller, string pupilId, TargetRequest body, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await guard.RequirePupilAsync(db, caller, pupilId, "ipm", null, ct);
        await guard.RequireRoleAsync(caller, What, Capabilities.Of(Capabilities.ChangeProvision));
        var now = time.GetUtcNow();
        var today = UkTime.DateOf(now);
        var setOn = body.SetOn ?? today;
        Check(body, creating: true)
            .Check(setOn >= pupil.DateOfBirth, "setOn", "The target is set before the pupil was born.")
            .Check(setOn <= today, "setOn", $"A target is set on a day that has come: today is {UkTime.Format(today)}.")
            .ThrowIfAny();
        var row = new IpmTarget
        {
            Id = Guid.CreateVersion7(now), PupilId = pupil.Id, SchoolId = pupil.SchoolId, Text = body.Text!.Trim(),
            SuccessCriteria = body.SuccessCriteria!.Trim(), SetOn = setOn, CreatedBy = caller.Actor, CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
        };
        db.Targets.Add(row);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("ipm-target", row.Id.ToString(), pupil.Id, pupil.SchoolId), 201));
        await db.SaveChangesAsync(ct);
        return Dto(row);
    }

    /// <summary>Changes the wording, or marks the target achieved, stopped or open again; only the fields given change.</summary>
    public async Task<TargetDto> UpdateAsync(Caller caller, Guid id, TargetRequest body, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Targets.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"There is no target {id}.");
        var pupil = await guard.RequirePupilAsync(db, caller, row.PupilId, "ipm-target", id.ToString(), ct);
        await guard.RequireRoleAsync(caller, What, Capabilities.Of(Capabilities.ChangeProvision));
        Check(body, creating: false)
            .Check(body.SetOn is null, "setOn", "The day a target was set does not change; stop it and set a new one.")
            .ThrowIfAny();
        if (body.Text is not null) row.Text = body.Text.Trim();
        if (body.SuccessCriteria is not null) row.SuccessCriteria = body.SuccessCriteria.Trim();
        if (body.Status is { } status && status != row.Status)
        {
            row.Status = status;
            row.ClosedOn = status == "open" ? null : UkTime.DateOf(time.GetUtcNow());
        }
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("ipm-target", id.ToString(), pupil.Id, pupil.SchoolId)));
        await db.SaveChangesAsync(ct);
        return Dto(row);
    }

    private static TargetDto Dto(IpmTarget t) => new(t.Id, t.PupilId, t.Text, t.SuccessCriteria, t.SetOn, t.Status, t.ClosedOn, []);

    private static ProblemCollector Check(TargetRequest body, bool creating)
    {
        var problems = new ProblemCollector();
        if (creating || body.Text is not null) problems.Require(body.Text, "text", 500);
        if (creating || body.SuccessCriteria is not null) problems.Require(body.SuccessCriteria, "successCriteria", 500);
        return problems
            .Date(body.SetOn, "setOn")
            .Check(body.Status is null || Statuses.Contains(body.Status), "status", $"'status' must be one of {string.Join(", ", Statuses)}.")
            .Check(!creating || body.Status is null or "open", "status", "A new target is open.");
    }
}

using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.ParentLinks;

/// <summary>
/// Staff's side of the links a pupil's parents answer a form by without an account: make one (its address is given back
/// once, so that the SENCo copies it or an email carries it), list them with what became of each and the answers, and
/// revoke one. For the SENCo, the pupil's class teacher, the headteacher and an administrator, within their scope; every
/// look and change audited. The parent's side is <see cref="ParentVoice"/>.
/// </summary>
public sealed class ParentLinks(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, IDefinitionCatalog catalog,
    TimeProvider time)
{
    /// <summary>How long a link works: 14 days from when it was made.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private const string What = "make, see or revoke links for parents";

    /// <summary>
    /// Makes a link for the pupil's parent to answer the form (and, if given, complete the open task of that form) and
    /// returns its address under <paramref name="site"/> (the service's address, ending in '/'). The address is not kept.
    /// </summary>
    public async Task<CreatedParentLink> CreateAsync(Caller caller, string pupilId, ParentLinkRequest body, Uri site, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await guard.RequirePupilAsync(db, caller, pupilId, "parent-link", null, ct);
        await guard.RequireRoleAsync(caller, What, Capabilities.Of(Capabilities.ParentLinks));
        var problems = new ProblemCollector().Require(body.Form, "form", 50)
            .Check(body.Form is null || ParentForms.Names.Contains(body.Form), "form",
                $"'form' must be one of {string.Join(", ", ParentForms.Names)}.")
            .Check(await ParentVoice.RecordOfAsync(db, pupil.Id, ct) is not null, "pupilId",
                "This pupil has no workflow to keep a parent's answer on: start them on the pathway first.");
        var task = body.TaskId is { } taskId
            ? await db.Tasks.AsNoTracking().OfSubject(db, pupil.Id).FirstOrDefaultAsync(t => t.Id == taskId, ct)
            : null;
        if (body.TaskId is { } asked)
        {
            problems.Check(task is { Status: WorkTaskStatus.Open } && TaskForms.FormOf(task) == body.Form, "taskId",
                $"'taskId' must be an open '{body.Form}' task of this pupil's; {asked} is not.");
        }
        problems.ThrowIfAny();
        if (task is not null && !await MayCompleteAsync(caller, task, ct))
        {
            await guard.RefuseAsync(caller, "task", task.Id.ToString(), pupil.Id, pupil.SchoolId,
                $"Your role ({caller.Role}) may not complete '{task.Title}', so a parent's link can't complete it for you.");
        }

        var now = time.GetUtcNow();
        var token = ParentLinkTokens.New();
        var row = new ParentLinkRecord
        {
            Id = Guid.CreateVersion7(now), PupilId = pupil.Id, SchoolId = pupil.SchoolId, Form = body.Form!, TaskId = task?.Id,
            TokenHash = ParentLinkTokens.Hash(token), CreatedAt = now.UtcDateTime, CreatedById = caller.UserId ?? "", CreatedBy = caller.Actor,
            ExpiresAt = (now + Lifetime).UtcDateTime,
        };
        db.ParentLinks.Add(row);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("parent-link", row.Id.ToString(), pupil.Id, pupil.SchoolId), 201));
        await db.SaveChangesAsync(ct);
        return new CreatedParentLink(row.Id, new Uri(site, $"parent/{token}").ToString(), At(row.ExpiresAt),
            Dto(row, task?.Title, null, now.UtcDateTime));
    }

    /// <summary>The pupil's links, newest first, with the answers of those used.</summary>
    public async Task<IReadOnlyList<ParentLinkDto>> ListAsync(Caller caller, string pupilId, CancellationToken ct) =>
        (await ViewAsync(caller, pupilId, ct)).Links;

    /// <summary>The pupil's links, and the open tasks a new link may complete for this caller (what the record's panel shows).</summary>
    public async Task<ParentLinksView> ViewAsync(Caller caller, string pupilId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await guard.RequirePupilAsync(db, caller, pupilId, "parent-link", null, ct);
        await guard.RequireRoleAsync(caller, What, Capabilities.Of(Capabilities.ParentLinks));
        await guard.AuditAsync(caller, AuditActions.Read, "parent-link", null, pupil.Id, pupil.SchoolId);
        var rows = await db.ParentLinks.AsNoTracking().Where(l => l.PupilId == pupil.Id).OrderByDescending(l => l.CreatedAt).ToListAsync(ct);
        var taskIds = rows.Select(r => r.TaskId).OfType<Guid>().ToList();
        var tasks = await db.Tasks.AsNoTracking().OfSubject(db, pupil.Id).Where(t => taskIds.Contains(t.Id) || t.Status == WorkTaskStatus.Open)
            .ToListAsync(ct);
        var answers = await ParentVoice.AnswersAsync(db, pupil.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var links = rows.Select(r => Dto(r, tasks.FirstOrDefault(t => t.Id == r.TaskId)?.Title, answers.GetValueOrDefault(r.Id), now)).ToList();
        var linkable = new List<LinkableTask>();
        foreach (var t in tasks.Where(t => t.Status == WorkTaskStatus.Open && ParentForms.Names.Contains(TaskForms.FormOf(t))).OrderBy(t => t.DueOn))
        {
            if (await MayCompleteAsync(caller, t, ct)) linkable.Add(new LinkableTask(t.Id, t.Title, t.DueOn));
        }
        return new ParentLinksView(links, linkable);
    }

    /// <summary>Revokes a link that has not been used: it stops working at once. A used link is refused (409).</summary>
    public async Task<ParentLinkDto> RevokeAsync(Caller caller, string pupilId, Guid linkId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await guard.RequirePupilAsync(db, caller, pupilId, "parent-link", linkId.ToString(), ct);
        await guard.RequireRoleAsync(caller, What, Capabilities.Of(Capabilities.ParentLinks));
        var row = await db.ParentLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.PupilId == pupil.Id, ct)
            ?? throw new NotFoundException($"There is no link '{linkId}' for this pupil.");
        var now = time.GetUtcNow().UtcDateTime;
        var state = ParentLinkStates.Of(row, now);
        if (state == ParentLinkStates.Used)
            throw new ConflictException("The parent has answered by this link already: their answer is on the record, and the link works no more.");
        var title = row.TaskId is { } taskId
            ? await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Title).FirstOrDefaultAsync(ct)
            : null;
        if (state != ParentLinkStates.Open) return Dto(row, title, null, now);
        row.RevokedAt = now;
        row.RevokedBy = caller.Actor;
        row.Revision++;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("parent-link", row.Id.ToString(), pupil.Id, pupil.SchoolId)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The parent answered by this link just now: their answer is on the record.");
        }
        return Dto(row, title, null, now);
    }

    private async Task<bool> MayCompleteAsync(Caller caller, WorkTask task, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var instance = await db.Instances.AsNoTracking().FirstAsync(i => i.Id == task.InstanceId, ct);
        var definition = (await catalog.GetAsync(instance.DefinitionId, instance.Version, ct)).Definition;
        return WorkflowPermissions.MayComplete(caller, task, definition);
    }

    private static ParentLinkDto Dto(ParentLinkRecord r, string? taskTitle, ParentAnswer? answer, DateTime now) =>
        new(r.Id, r.PupilId, r.Form, r.TaskId, taskTitle, At(r.CreatedAt), r.CreatedBy, At(r.ExpiresAt), ParentLinkStates.Of(r, now),
            r.UsedAt is { } used ? At(used) : null, r.RevokedAt is { } revoked ? At(revoked) : null, r.RevokedBy, answer);

    private static DateTimeOffset At(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

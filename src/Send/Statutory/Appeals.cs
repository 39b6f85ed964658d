using SendWorkflow.Send.Documents;
using static SendWorkflow.Send.Statutory.AppealableDecisions;

namespace SendWorkflow.Send.Statutory;

/// <summary>
/// The family's window to appeal each appealable decision of a statutory case (<see cref="AppealableDecisions"/>): a date
/// on the case, counted from the decision letter (the decision's own date, not the day it was recorded) or from a
/// mediation certificate the LA officer records. Shown on the case, across the borough to its LA officers while it is
/// open, and in the decision letter. Reads are audited like every look at a pupil's case.
/// </summary>
public sealed class Appeals(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, TimeProvider time)
{
    private const int RecentDays = 62;

    /// <summary>The case's appeal windows, open or closed, for whoever may see the case.</summary>
    public async Task<IReadOnlyList<AppealWindowDto>> ForCaseAsync(Caller caller, Guid instanceId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (instance, pupil) = await CaseAsync(db, caller, instanceId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "appeals", instanceId.ToString(), pupil.Id, pupil.SchoolId);
        return await WindowsAsync(db, [instance], ct);
    }

    /// <summary>Every window open today on the cases of the borough's pupils, the soonest to close first.</summary>
    public async Task<IReadOnlyList<BoroughAppealWindowDto>> OpenInBoroughAsync(Caller caller, string boroughId, CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        var today = UkTime.DateOf(time.GetUtcNow());
        var since = today.AddDays(-RecentDays);
        var names = All.Select(d => d.Milestone).ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "appeals", boroughId, null, null);
        // A letter of the last two months, or a certificate of the last month, can leave a window open.
        var recent = db.Milestones.Where(m => m.BoroughId == boroughId && names.Contains(m.Name) && m.On >= since).Select(m => m.InstanceId)
            .Union(db.MediationCertificates.Where(c => c.IssuedOn >= since).Select(c => c.InstanceId));
        var instances = await db.Instances.AsNoTracking().Where(i => i.BoroughId == boroughId && recent.Contains(i.Id)).ToListAsync(ct);
        var windows = (await WindowsAsync(db, instances, ct)).Where(w => w.Open).ToList();
        var pupilIds = windows.Select(w => w.PupilId).Distinct().ToList();
        var pupils = await db.Pupils.AsNoTracking().Where(p => pupilIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return windows.OrderBy(w => w.AppealBy).ThenBy(w => w.InstanceId)
            .Select(w => new BoroughAppealWindowDto(w, pupils[w.PupilId].Name, pupils[w.PupilId].SchoolId)).ToList();
    }

    /// <summary>A mediation certificate for one decision of the case: the LA officer's (or an administrator's) record, audited.</summary>
    public async Task<AppealWindowDto> RecordCertificateAsync(Caller caller, Guid instanceId, RecordMediationCertificateRequest body,
        CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "record mediation certificates", Capabilities.Of(Capabilities.BoroughViews));
        await using var db = await factory.CreateDbContextAsync(ct);
        var (instance, pupil) = await CaseAsync(db, caller, instanceId, ct);
        var windows = await WindowsAsync(db, [instance], ct);
        var window = windows.FirstOrDefault(w => w.Decision == body.Decision);
        var today = UkTime.DateOf(time.GetUtcNow());
        var problems = new ProblemCollector().Require(body.Decision, "decision", 64).Require(body.RecordedBy, "recordedBy")
            .Check(body.IssuedOn is not null, "issuedOn", "'issuedOn' is required (yyyy-MM-dd): the day the mediation adviser issued it.");
        if (body.Decision is { Length: > 0 })
        {
            problems.Check(window is not null, "decision", windows.Count == 0
                ? "This case has no decision the family may appeal yet."
                : $"'{body.Decision}' is not an appealable decision of this case (use one of {string.Join(", ", windows.Select(w => w.Decision))}).");
        }
        if (body.IssuedOn is { } on)
        {
            problems.Check(on <= today, "issuedOn",
                $"A certificate cannot be issued in the future ({UkTime.Format(on)}; today is {UkTime.Format(today)}).");
            problems.Check(window is null || on >= window.LetterOn, "issuedOn",
                $"The certificate ({UkTime.Format(on)}) cannot come before the decision letter of {UkTime.Format(window?.LetterOn ?? on)}.");
        }
        problems.ThrowIfAny();
        db.MediationCertificates.Add(new MediationCertificate
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), InstanceId = instanceId, Decision = body.Decision!, IssuedOn = body.IssuedOn!.Value,
            RecordedBy = body.RecordedBy!.Trim(), RecordedAt = time.GetUtcNow().UtcDateTime,
        });
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("mediation-certificate", instanceId.ToString(), pupil.Id,
            pupil.SchoolId), 201));
        await db.SaveChangesAsync(ct);
        return (await WindowsAsync(db, [instance], ct)).Single(w => w.Decision == body.Decision);
    }

    /// <summary>The decision letter: the decision, its date, and the family's right to appeal with the last day to do so.</summary>
    public async Task<byte[]> LetterPdfAsync(Caller caller, Guid instanceId, string decision, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "write decision letters", Capabilities.Of(Capabilities.BoroughViews));
        await using var db = await factory.CreateDbContextAsync(ct);
        var (instance, pupil) = await CaseAsync(db, caller, instanceId, ct);
        if (!All.Any(d => d.DefinitionId == instance.DefinitionId && d.Milestone == decision))
        {
            throw new NotFoundException($"This case has no appealable decision '{decision}'.");
        }
        var window = (await WindowsAsync(db, [instance], ct)).FirstOrDefault(w => w.Decision == decision)
            ?? throw new ConflictException($"The decision '{decision}' has not been made on this case (yet).");
        var borough = await db.Boroughs.AsNoTracking().FirstAsync(b => b.Id == instance.BoroughId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "decision-letter", instanceId.ToString(), pupil.Id, pupil.SchoolId);
        var certificate = window.MediationCertificateOn is { } c
            ? $" A mediation certificate was issued on {UkTime.Format(c)}: you may appeal until a month after it, if that is later."
            : " If you go to mediation first, you may appeal until a month after the mediation certificate, if that is later.";
        return new SchoolDocument(borough.Name, "Your right to appeal", window.LetterOn)
            .Heading($"About {pupil.Name}")
            .Paragraph($"This letter tells you of {window.Words}, made on {UkTime.Format(window.LetterOn)}.")
            .Heading("Your right to appeal")
            .Paragraph($"You may appeal to the First-tier Tribunal (Special Educational Needs and Disability) by {UkTime.Format(window.AppealBy)}: "
                + $"{MonthsFromLetter} months from the date of this letter.{certificate} Before appealing you must contact a mediation "
                + "adviser about mediation, except where the appeal is only about the school or other institution named in the plan.")
            .ToPdf();
    }

    private async Task<(WorkflowInstance Instance, Pupil Pupil)> CaseAsync(SendWorkflowDbContext db, Caller caller, Guid instanceId,
        CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct)
            ?? throw new NotFoundException($"There is no case '{instanceId}'.");
        return (instance, await guard.RequireInstanceAsync(db, caller, instance, ct));
    }

    private async Task<List<AppealWindowDto>> WindowsAsync(SendWorkflowDbContext db, IReadOnlyList<WorkflowInstance> instances,
        CancellationToken ct)
    {
        var today = UkTime.DateOf(time.GetUtcNow());
        var ids = instances.Select(i => i.Id).ToList();
        var names = All.Select(d => d.Milestone).ToList();
        var milestones = await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.InstanceId) && names.Contains(m.Name))
            .Select(m => new { m.InstanceId, m.Name, m.On }).ToListAsync(ct);
        var certificates = await db.MediationCertificates.AsNoTracking().Where(c => ids.Contains(c.InstanceId))
            .Select(c => new { c.InstanceId, c.Decision, c.IssuedOn }).ToListAsync(ct);
        var windows = new List<AppealWindowDto>();
        foreach (var instance in instances)
        {
            foreach (var d in All.Where(d => d.DefinitionId == instance.DefinitionId && (d.EndedIn is null || d.EndedIn == instance.State)))
            {
                var letters = milestones.Where(m => m.InstanceId == instance.Id && m.Name == d.Milestone).Select(m => m.On).ToList();
                if (letters.Count == 0) continue;
                var letter = letters.Max();
                DateOnly? certificate = certificates.Where(c => c.InstanceId == instance.Id && c.Decision == d.Milestone && c.IssuedOn >= letter)
                    .Select(c => (DateOnly?)c.IssuedOn).Max();
                var by = AppealBy(letter, certificate);
                windows.Add(new AppealWindowDto(instance.Id, instance.SubjectId, d.Milestone, d.Words, letter, certificate, by, today <= by,
                    Math.Max(0, by.DayNumber - today.DayNumber)));
            }
        }
        return windows;
    }
}

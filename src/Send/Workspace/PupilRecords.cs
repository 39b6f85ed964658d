using System.Text.Json;
using SendWorkflow.Send.Definitions;

namespace SendWorkflow.Send.Workspace;

/// <summary>
/// A pupil's record as staff read it: where they are on the pathway and since when, the chronology in plain words
/// (who did what, when, and why the pupil moved), targets, the provision map and the deadlines ahead.
/// </summary>
public sealed class PupilRecords(IDbContextFactory<SendWorkflowDbContext> factory, DefinitionCatalog catalog, AccessGuard guard,
    TimeProvider time)
{
    /// <summary>The record, if the pupil is in the caller's scope (404 otherwise); an LA officer sees the statutory work only.</summary>
    public async Task<PupilRecordView> GetAsync(Caller caller, string pupilId, CancellationToken ct)
    {
        Pupil pupil;
        bool byAudit;
        await using (var db = await factory.CreateDbContextAsync(ct))
            (pupil, byAudit) = await guard.RequirePupilRecordAsync(db, caller, pupilId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "pupil-record", pupilId, pupilId, pupil.SchoolId);
        // On an SEN audit day the team (its LA officer too) reads the drawn pupils' whole school file.
        return await GetAsync(pupil, statutoryOnly: caller.Role == StaffRoles.LaOfficer && !byAudit, ct);
    }

    /// <summary>Journal kinds worth telling a person; timer bookkeeping stays in the full journal.</summary>
    private static readonly string[] Told =
    [
        JournalKinds.Started, JournalKinds.Transition, JournalKinds.Stayed, JournalKinds.TaskCompleted, JournalKinds.TaskOverdue,
        JournalKinds.ChildStarted, JournalKinds.Closed, JournalKinds.ExceptionRecorded, JournalKinds.Replanned, JournalKinds.Event,
        ParentLinks.ParentVoice.JournalKind, JournalKinds.TaskAssigned, JournalKinds.TaskReleased, JournalKinds.Migrated,
    ];

    private async Task<PupilRecordView> GetAsync(Pupil pupil, bool statutoryOnly, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var statutory = await catalog.StatutoryIdsAsync(ct);
        var today = UkTime.DateOf(time.GetUtcNow());
        var instances = await db.Instances.AsNoTracking().Where(i => i.SubjectId == pupil.Id)
            .Where(i => !statutoryOnly || statutory.Contains(i.DefinitionId))
            .OrderBy(i => i.StartedAt).ToListAsync(ct);
        var ids = instances.Select(i => i.Id).ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var i in instances)
            names[i.Id] = (await catalog.GetAsync(i.DefinitionId, i.Version, ct)).Definition.Name;

        var pathway = instances.LastOrDefault(i => i.DefinitionId == "send-pathway" && i.Status == InstanceStatus.Active)
            ?? instances.LastOrDefault(i => i.DefinitionId == "send-pathway");
        string? stageName = null;
        if (pathway is not null)
        {
            var definition = await catalog.GetAsync(pathway.DefinitionId, pathway.Version, ct);
            stageName = definition.States.GetValueOrDefault(pathway.State)?.Name;
        }

        var journal = await db.Journal.AsNoTracking().Where(j => ids.Contains(j.InstanceId) && Told.Contains(j.Kind))
            .OrderByDescending(j => j.Id).Take(500).ToListAsync(ct);
        var chronology = journal.Select(j => new ChronologyLine(new DateTimeOffset(j.At, TimeSpan.Zero), names[j.InstanceId], j.Kind, j.Detail,
            j.Actor is "timer" or "deadline" ? null : j.Actor)).ToList();
        var targets = journal.Where(j => j.Kind == JournalKinds.TaskCompleted && j.Data is not null)
            .Select(j => Targets(j.Data!)).FirstOrDefault(t => t.Count > 0) ?? [];

        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.InstanceId) && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        var timers = await db.Timers.AsNoTracking().Where(t => ids.Contains(t.InstanceId) && t.Status == TimerStatus.Pending).ToListAsync(ct);
        var upcoming = tasks.Select(t => new DeadlineLine(t.DueOn, t.Title, t.Role, t.Id, t.DueOn < today))
            .Concat(timers.Select(t =>
                new DeadlineLine(UkTime.DateOf(new DateTimeOffset(t.DueAt, TimeSpan.Zero)), TimerWords(t.TimerId), null, null, false)))
            .OrderBy(d => d.On).ToList();
        var provisions = statutoryOnly ? [] : await ProvisionsAsync(db, pupil.Id, ct);

        return new PupilRecordView(pupil.Id, pupil.Name, pupil.YearGroup, pupil.ClassName, pupil.PrimaryNeed, pupil.SchoolId,
            pathway?.Stage, stageName, pathway is null ? null : UkTime.DateOf(new DateTimeOffset(pathway.EnteredStateAt, TimeSpan.Zero)),
            SchoolViews.CensusCode(pathway?.Status == InstanceStatus.Active ? pathway.Stage : null),
            targets, provisions, upcoming, chronology,
            instances.Select(i => (names[i.Id], i.State, i.Id)).ToList()) { LookedAfter = pupil.LookedAfter };
    }

    public static async Task<List<ProvisionDto>> ProvisionsAsync(SendWorkflowDbContext db, string pupilId, CancellationToken ct) =>
        (await db.Provisions.AsNoTracking().Where(p => p.PupilId == pupilId).OrderByDescending(p => p.StartsOn).ToListAsync(ct))
            .Select(ToDto).ToList();

    public static ProvisionDto ToDto(ProvisionRecord p) =>
        new(p.Id, p.PupilId, p.Intervention, p.EntryCriteria, p.ExitCriteria, p.StartsOn, p.EndsOn, p.DeliveredBy, p.Impact, p.CostBasis,
            p.HoursPerWeek, p.HourlyRatePence is { } rate ? Funding.Money.ToPounds(rate) : null,
            p.FixedCostPence is { } cost ? Funding.Money.ToPounds(cost) : null);

    private static List<string> Targets(string data)
    {
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.TryGetProperty("form", out var form) && form.ValueKind == JsonValueKind.Object
            && form.TryGetProperty("nextTargets", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [];
    }

    private static string TimerWords(string timerId) => timerId.Replace('-', ' ') switch
    {
        var words => char.ToUpperInvariant(words[0]) + words[1..],
    };
}

using SendWorkflow.Send.Definitions;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Studio;

/// <summary>Reads an instance with its pinned definition version, journal, open tasks and pending timers.</summary>
public sealed class InstanceViews(IDbContextFactory<SendWorkflowDbContext> factory, DefinitionService definitions, AccessGuard guard,
    TimeProvider time)
{
    /// <summary>The instance, if its pupil is in the caller's scope (audited as a read), else null (audited as denied).</summary>
    public async Task<InstanceView?> LoadAsync(Caller caller, Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var i = await db.Instances.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null)
        {
            await guard.AuditAsync(caller, AuditActions.Denied, "instance", id.ToString(), null, null, 404);
            return null;
        }
        if ((await Refusals.ProblemsAsync(() => guard.RequireSubjectAsync(db, caller, i, ct))).Count > 0) return null;
        await guard.AuditAsync(caller, AuditActions.Read, "instance", id.ToString(), i.SubjectId, i.SchoolId);
        var pupil = await db.Pupils.AsNoTracking().Where(p => p.Id == i.SubjectId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var record = await definitions.GetAsync(
            i.DefinitionId, i.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), DefinitionScope.Default, ct);
        var definition = DefinitionJson.Parse(record.Json);
        var published = (await definitions.ListAsync(DefinitionScope.School(i.SchoolId), ct))
            .FirstOrDefault(d => d.Id == i.DefinitionId)?.RunsVersion;

        var journal = (await JournalChain.Of(db, id).OrderBy(j => j.Id).ToListAsync(ct))
            .Select(j => new JournalLine(j.Id, j.At, j.Kind, j.State, j.Detail,
                j.Kind == JournalKinds.Transition ? JournalData.TransitionOf(j.Data) : null))
            .ToList();
        var today = UkTime.DateOf(time.GetUtcNow());
        var tasks = (await db.Tasks.AsNoTracking().Where(t => t.InstanceId == id && t.Status == WorkTaskStatus.Open).ToListAsync(ct))
            .OrderBy(t => t.DueOn).ThenBy(t => t.Title)
            .Select(t => new TaskLine(t.Title, DefinitionWording.Role(t.Role), t.DueOn, t.DueOn < today)).ToList();
        var state = definition.States.FirstOrDefault(s => s.Id == i.State);
        var timers = (await db.Timers.AsNoTracking().Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending).ToListAsync(ct))
            .OrderBy(t => t.DueAt)
            .Select(t => new TimerLine(t.TimerId, TimerWords(state, t.TimerId, t.Raises, definition), t.DueAt)).ToList();

        var pathTransitions = journal.Where(j => j.TransitionId is not null).Select(j => j.TransitionId!).Distinct().ToList();
        var pathStates = journal.Where(j => j.Kind is JournalKinds.Started or JournalKinds.Transition).Select(j => j.State)
            .Append(i.State).Distinct().ToList();
        return new InstanceView(i.Id, pupil ?? i.SubjectId, i.DefinitionId, i.Version, published, i.State, i.Status == InstanceStatus.Active,
            i.StartedAt, i.EnteredStateAt, definition, journal, tasks, timers, pathStates, pathTransitions);
    }

    private static string TimerWords(StateDefinition? state, string timerId, string raises, WorkflowDefinition d)
    {
        var timer = state?.Timers.FirstOrDefault(t => t.Id == timerId);
        if (timer?.Description is { Length: > 0 } text) return text;
        if (timer?.Task is { } task) return task.Title;
        return raises.Length > 0 ? $"Then {DefinitionWording.Event(raises, d)}" : timerId;
    }
}

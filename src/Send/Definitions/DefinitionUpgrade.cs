using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.Definitions;

/// <summary>
/// Versions published before definitions said what the engine once knew of SEND (who escalates, which form a task
/// shows, which event field measures progress, which entry is a request) still run pupils, and a published version
/// never changes. When such a version is compiled, the conventions the engine applied then are written into it,
/// so its pupils carry on exactly as before; whether it is statutory and who may complete its tasks are what the shipped
/// definitions say today. A version that sets any of these is taken as it is.
/// </summary>
public static class DefinitionUpgrade
{
    public static WorkflowDefinition Apply(WorkflowDefinition d)
    {
        var tasks = d.States.SelectMany(s => s.Tasks.Concat(s.Timers.Select(t => t.Task).OfType<TaskDefinition>())).ToList();
        if (d.EscalateTo is not null || tasks.Any(t => t.Form is not null)
            || d.Transitions.Any(t => t.EnteredAs is not null) || d.Events.Values.Any(e => e.Measure is not null))
        {
            return d;
        }

        var statutory = d.Id is "ehcp-assessment" or "ehcp-annual-review";
        return d with
        {
            EscalateTo = "senco",
            Statutory = statutory,
            CompletedBy = [statutory ? "la-officer" : "senco"],
            States = d.States.Select(s => s with
            {
                Tasks = s.Tasks.Select(WithForm).ToList(),
                Timers = s.Timers.Select(t => t.Task is { } task ? t with { Task = WithForm(task) } : t).ToList(),
            }).ToList(),
            Transitions = d.Transitions
                .Select(t => t.On.StartsWith("assessment.requested", StringComparison.Ordinal) ? t with { EnteredAs = "request" } : t)
                .ToList(),
            Events = d.Events.ToDictionary(e => e.Key,
                e => e.Value.Data.ContainsKey("progress") ? e.Value with { Measure = "progress" } : e.Value),
        };
    }

    private static TaskDefinition WithForm(TaskDefinition t) =>
        t with { Form = TaskForms.FormOf(new WorkTask { Kind = t.Kind, DefinitionTaskId = t.Id }) };
}

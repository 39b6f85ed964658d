using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Studio;

/// <summary>One pupil's instance as the viewer shows it: the version it runs, where it is, how it got there.</summary>
public sealed record InstanceView(
    Guid Id, string PupilName, string DefinitionId, int Version, int? PublishedVersion, string State, bool Active,
    DateTime StartedAt, DateTime EnteredStateAt, WorkflowDefinition Definition, IReadOnlyList<JournalLine> Journal,
    IReadOnlyList<TaskLine> OpenTasks, IReadOnlyList<TimerLine> PendingTimers, IReadOnlyList<string> PathStates,
    IReadOnlyList<string> PathTransitions)
{
    public string StateName => Definition.States.FirstOrDefault(s => s.Id == State)?.Name ?? State;
}

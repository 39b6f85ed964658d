namespace SendWorkflow.Workflows.Runtime;

public sealed class InstanceNotFoundException(Guid id) : Exception($"There is no workflow instance {id}.")
{
    public Guid InstanceId { get; } = id;
}

public sealed class PupilNotFoundException(string id) : Exception($"There is no pupil '{id}'.");

public sealed class TaskNotFoundException(Guid id) : Exception($"There is no task {id}.");

/// <summary>The task was already completed or cancelled; completing it again changes nothing.</summary>
public sealed class TaskNotOpenException(Guid id, WorkTaskStatus status)
    : Exception($"Task {id} is already {status.ToString().ToLowerInvariant()}.");

public sealed class InstanceClosedException(Guid id, string state)
    : Exception($"Instance {id} has ended in state '{state}' and takes no more events.");

/// <summary>The current state neither listens to nor raises this event.</summary>
public sealed class EventNotHandledException(string state, string eventName, IEnumerable<string> known)
    : Exception($"The state '{state}' does not handle the event '{eventName}'. It handles: {string.Join(", ", known.Order())}.")
{
    public string State { get; } = state;
    public string EventName { get; } = eventName;
}

/// <summary>The event's data does not match what the definition declares; every problem is listed.</summary>
public sealed class EventDataException(string eventName, IReadOnlyList<string> problems)
    : Exception($"The data of event '{eventName}' is not valid: {string.Join(" ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

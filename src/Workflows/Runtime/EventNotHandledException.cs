namespace SendWorkflow.Workflows.Runtime;

/// <summary>The current state neither listens to nor raises this event.</summary>
public sealed class EventNotHandledException(string state, string eventName, IEnumerable<string> known)
    : Exception($"The state '{state}' does not handle the event '{eventName}'. It handles: {string.Join(", ", known.Order())}.")
{
    public string State { get; } = state;
    public string EventName { get; } = eventName;
}

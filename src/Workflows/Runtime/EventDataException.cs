namespace SendWorkflow.Workflows.Runtime;

/// <summary>The event's data does not match what the definition declares; every problem is listed.</summary>
public sealed class EventDataException(string eventName, IReadOnlyList<string> problems)
    : Exception($"The data of event '{eventName}' is not valid: {string.Join(" ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

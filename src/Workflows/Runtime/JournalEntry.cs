namespace SendWorkflow.Workflows.Runtime;

/// <summary>One line of an instance's chronology: what happened, in which state, and why.</summary>
public sealed class JournalEntry
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public DateTime At { get; set; }
    /// <summary>See <see cref="JournalKinds"/>.</summary>
    public string Kind { get; set; } = "";
    public string State { get; set; } = "";
    /// <summary>Plain words for the chronology. Never holds a person's name.</summary>
    public string Detail { get; set; } = "";
    /// <summary>Structured detail as JSON: the event data, the rule and the facts that decided.</summary>
    public string? Data { get; set; }
    public string? Actor { get; set; }
}

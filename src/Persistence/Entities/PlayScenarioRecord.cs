namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// A sequence of steps a designer tried on a draft in Play (the test pupil's facts, events, task completions, time moved
/// on), saved under a name on the definition's variant with what each step ended in then, so it can be replayed after the
/// draft changes. The test pupil is fictional: nothing here is a real pupil's.
/// </summary>
public sealed class PlayScenarioRecord
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    /// <summary>The variant whose draft it was tried on (see DefinitionScope).</summary>
    public string Scope { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The UK day the test pupil started on.</summary>
    public DateOnly StartsOn { get; set; }
    /// <summary>The test pupil's facts at the start, as JSON.</summary>
    public string StartJson { get; set; } = "{}";
    /// <summary>The steps, as a JSON array.</summary>
    public string StepsJson { get; set; } = "[]";
    /// <summary>What each step ended in when it was saved (state, status, error), as a JSON array beside the steps.</summary>
    public string OutcomesJson { get; set; } = "[]";
    /// <summary>The draft version it was tried on.</summary>
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

namespace SendWorkflow.Workflows.Runtime;

/// <summary>A dated step of a case (e.g. "final-plan" on 20 January 2027), recorded with the event that marks it.</summary>
public sealed class Milestone
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public string DefinitionId { get; set; } = "";
    public string BoroughId { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The UK date it happened (the event's date field), which may be before the day it was recorded.</summary>
    public DateOnly On { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? Actor { get; set; }
}

namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// A filter of the inbox a member of staff saved under a name of their own, to open their usual view in one click: the
/// queue, the class, the stage, the kind of task, a pupil's name to look for and the order. Each person's are their own.
/// </summary>
public sealed class SavedInboxFilter
{
    public Guid Id { get; set; }
    /// <summary>The account it belongs to.</summary>
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Queue { get; set; } = "";
    public string? ClassName { get; set; }
    public int? Stage { get; set; }
    public string? Kind { get; set; }
    /// <summary>Part of a pupil's name to look for.</summary>
    public string? Search { get; set; }
    public string? Sort { get; set; }
    public DateTime UpdatedAt { get; set; }
}

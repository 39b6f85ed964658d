namespace SendWorkflow.Workflows.Runtime;

/// <summary>One subject running one pinned version of a definition.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string SubjectId { get; set; } = "";
    public string SchoolId { get; set; } = "";
    public string BoroughId { get; set; } = "";
    public string State { get; set; } = "";
    public int? Stage { get; set; }
    public InstanceStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime EnteredStateAt { get; set; }
    /// <summary>start, escalation, step-down, request or transition.</summary>
    public string EnteredBy { get; set; } = "";
    public string EnteredVia { get; set; } = "";
    public Progress LastProgress { get; set; }
    public int ReviewsInStage { get; set; }
    public int ReviewsWithoutProgress { get; set; }
    /// <summary>The last measures recorded, in <see cref="Runtime.MeasureHistory"/>'s form; rules read them as history.</summary>
    public string? MeasureHistory { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>The instance whose state started this one, if any: it hears how this one ends.</summary>
    public Guid? ParentInstanceId { get; set; }
    /// <summary>Optimistic concurrency: every handled event bumps it; a stale write is refused and retried.</summary>
    public int ConcurrencyStamp { get; set; }

    /// <summary>Marks the instance changed by this unit of work, so that its write checks the stamp it was read with.</summary>
    internal void Touch(DateTime now)
    {
        ConcurrencyStamp++;
        UpdatedAt = now;
    }
}

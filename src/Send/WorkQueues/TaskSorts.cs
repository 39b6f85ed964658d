namespace SendWorkflow.Send.WorkQueues;

/// <summary>The orders a queue can be read in; each is done in the query, with the task's id last so pages never overlap.</summary>
public static class TaskSorts
{
    /// <summary>Soonest due first (overdue first), then the higher priority. The default of open queues.</summary>
    public const string Due = "due";
    /// <summary>Highest priority first, then soonest due.</summary>
    public const string Priority = "priority";
    /// <summary>Earliest start-by date first; tasks without one last.</summary>
    public const string StartBy = "start";
    /// <summary>Most recently completed first. The default of "done".</summary>
    public const string Completed = "completed";

    public static readonly IReadOnlyList<string> All = [Due, Priority, StartBy, Completed];
}

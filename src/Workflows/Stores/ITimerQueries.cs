namespace SendWorkflow.Workflows.Stores;

/// <summary>Set-based questions the dispatcher and the deadline sweep ask of the store.</summary>
public interface ITimerQueries
{
    /// <summary>Pending timers due at or before <paramref name="upTo"/>, earliest first.</summary>
    Task<IReadOnlyList<DueTimer>> DueTimersAsync(DateTime upTo, int max, CancellationToken ct);

    /// <summary>When the earliest pending timer falls due, if any.</summary>
    Task<DateTime?> NextDueAsync(CancellationToken ct);

    /// <summary>Open tasks whose warning day has come and that have not been warned.</summary>
    Task<IReadOnlyList<DueTask>> TasksToWarnAsync(DateOnly today, int max, CancellationToken ct);

    /// <summary>Open tasks due before today that have not been escalated.</summary>
    Task<IReadOnlyList<DueTask>> OverdueTasksAsync(DateOnly today, int max, CancellationToken ct);
}

namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>The days offsets count from: the instance's start, the state's entry, and the milestones the state uses.</summary>
internal sealed record DayAnchors(DateOnly Started, DateOnly Entered, IReadOnlyDictionary<string, DateOnly> Milestones)
{
    /// <summary>The day an offset counts from: the state's entry, the instance's start, or a milestone.</summary>
    public DateOnly From(When when) =>
        when.CountsFromStart() ? Started
        : when.Milestone() is { } m ? Milestones.GetValueOrDefault(m, Started)
        : Entered;

    /// <summary>The dates of the milestones the state's timeframes count from (the start where there is none yet).</summary>
    public static async Task<DayAnchors> ForStateAsync(IWorkflowSession session, WorkflowInstance instance, StateDefinition state,
        DateOnly entered, CancellationToken ct)
    {
        var started = UkTime.DateOfUtc(instance.StartedAt);
        var milestones = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var names = state.Tasks.Select(t => t.Due?.Milestone())
            .Concat(state.Timers.Select(t => (t.After ?? t.Every)?.Milestone()))
            .OfType<string>().Distinct();
        foreach (var name in names)
        {
            milestones[name] = await session.LatestMilestoneAsync(instance.Id, name, ct) ?? started;
        }
        return new DayAnchors(started, entered, milestones);
    }
}

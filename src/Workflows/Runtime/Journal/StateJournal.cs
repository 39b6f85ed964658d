namespace SendWorkflow.Workflows.Runtime.Journal;

/// <summary>The chronology of entering and leaving states: the work handed out, the timers set, what was closed.</summary>
internal static class StateJournal
{
    public static void Closed(JournalScope scope, StateDefinition state) =>
        scope.Write(JournalKinds.Closed, state.Id, $"{state.Name}: the workflow has ended.");

    /// <summary>Ended from outside, in the middle of a state, for the reason a person gave.</summary>
    public static void ClosedEarly(JournalScope scope, StateDefinition state, string reason) =>
        scope.Write(JournalKinds.Closed, state.Id, $"Closed in {state.Name}: {reason}", new { reason });

    public static void TasksCreated(JournalScope scope, StateDefinition state, IReadOnlyList<WorkTask> created)
    {
        if (created.Count == 0) return;
        var list = string.Join("; ", created.Select(t => $"'{t.Title}' for {t.Role}, due {UkTime.Format(t.DueOn)}"));
        scope.Write(JournalKinds.TaskCreated, state.Id, $"Tasks of {state.Name}: {list}.",
            created.Select(t => new { taskId = t.Id, task = t.DefinitionTaskId, t.Role, dueOn = t.DueOn }));
    }

    /// <summary>Tasks handed out in the middle of a state because the subject's facts moved on, with the reason.</summary>
    public static void Rechecked(JournalScope scope, StateDefinition state, string reason, IReadOnlyList<WorkTask> created)
    {
        var list = string.Join("; ", created.Select(t => $"'{t.Title}' for {t.Role}, due {UkTime.Format(t.DueOn)}"));
        scope.Write(JournalKinds.TaskCreated, state.Id, $"{reason}: {list}.",
            created.Select(t => new { taskId = t.Id, task = t.DefinitionTaskId, t.Role, dueOn = t.DueOn, reason }));
    }

    /// <param name="passed">Deadlines not set again because they already passed, in words.</param>
    public static void TimersStarted(JournalScope scope, StateDefinition state, IReadOnlyList<WorkflowTimer> timers,
        IReadOnlyList<string> passed)
    {
        if (timers.Count + passed.Count == 0) return;
        var list = string.Join("; ", timers.Select(t => $"'{t.TimerId}' set for {UkTime.Format(UkTime.DateOfUtc(t.DueAt))}").Concat(passed));
        scope.Write(JournalKinds.TimerStarted, state.Id, $"Timers of {state.Name}: {list}.",
            timers.Select(t => new { timerId = t.Id, timer = t.TimerId, dueAt = t.DueAt }));
    }

    public static void TasksCancelled(JournalScope scope, StateDefinition state, IReadOnlyList<WorkTask> tasks)
    {
        if (tasks.Count == 0) return;
        scope.Write(JournalKinds.TasksCancelled, state.Id,
            $"Closed {tasks.Count} open task{(tasks.Count == 1 ? "" : "s")} of {state.Name}: {string.Join("; ", tasks.Select(t => t.Title))}.");
    }

    public static void TimersCancelled(JournalScope scope, StateDefinition state, IReadOnlyList<WorkflowTimer> timers)
    {
        if (timers.Count == 0) return;
        scope.Write(JournalKinds.TimersCancelled, state.Id,
            $"Stopped {timers.Count} timer{(timers.Count == 1 ? "" : "s")} of {state.Name}: {string.Join(", ", timers.Select(t => t.TimerId))}.");
    }
}

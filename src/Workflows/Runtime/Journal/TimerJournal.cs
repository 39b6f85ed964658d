namespace SendWorkflow.Workflows.Runtime.Journal;

/// <summary>The chronology of durable timers: fired, cancelled instead, set again, and the task a firing hands out.</summary>
internal static class TimerJournal
{
    public static void Fired(JournalScope scope, string state, WorkflowTimer timer, TimerDefinition? declared)
    {
        var day = UkTime.Format(UkTime.DateOfUtc(timer.DueAt));
        scope.Write(JournalKinds.TimerFired, state,
            $"Timer '{timer.TimerId}' fell due on {day}{(declared?.Description is { } d ? $": {d}" : ".")}",
            new { timerId = timer.Id, timer = timer.TimerId, dueAt = timer.DueAt });
    }

    /// <param name="why">Why it was not fired, in words ("its workflow instance no longer exists").</param>
    public static void Cancelled(JournalScope scope, WorkflowTimer timer, string why) =>
        scope.Write(JournalKinds.TimerCancelled, timer.State, $"Timer '{timer.TimerId}' was cancelled, not fired: {why}.",
            new { timerId = timer.Id, timer = timer.TimerId, dueAt = timer.DueAt });

    public static void SetAgain(JournalScope scope, string state, WorkflowTimer repeat) =>
        scope.Write(JournalKinds.TimerStarted, state,
            $"Timer '{repeat.TimerId}' set again for {UkTime.Format(UkTime.DateOfUtc(repeat.DueAt))}.",
            new[] { new { timerId = repeat.Id, timer = repeat.TimerId, dueAt = repeat.DueAt } });

    /// <summary>A chasing timer whose task was done in time: nothing to hand out.</summary>
    public static void NothingToChase(JournalScope scope, string state, TimerDefinition timer, TaskDefinition chase) =>
        scope.Write(JournalKinds.TimerFired, state,
            $"Timer '{timer.Id}' handed out no '{chase.Title}': '{timer.WhileOpen}' was already done.",
            new { timer = timer.Id, whileOpen = timer.WhileOpen, task = chase.Id });

    public static void TaskCreated(JournalScope scope, string state, WorkTask task) =>
        scope.Write(JournalKinds.TaskCreated, state, $"'{task.Title}' for {task.Role}, due {UkTime.Format(task.DueOn)}.",
            new[] { new { taskId = task.Id, task = task.DefinitionTaskId, task.Role, dueOn = task.DueOn } });
}

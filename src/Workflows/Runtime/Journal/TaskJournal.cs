namespace SendWorkflow.Workflows.Runtime.Journal;

/// <summary>The chronology of tasks: completed, come round again, reminded, overdue and escalated.</summary>
internal static class TaskJournal
{
    /// <param name="form">The form filled in with the completion, kept in the journal as it was given.</param>
    public static void Completed(JournalScope scope, string state, WorkTask task, IReadOnlyDictionary<string, string>? form)
    {
        var outcome = task.Outcome;
        scope.Write(JournalKinds.TaskCompleted, state,
            $"Completed '{task.Title}'{(outcome is { Length: > 0 } ? $" with outcome '{outcome}'" : "")}.",
            new { taskId = task.Id, task = task.DefinitionTaskId, kind = task.Kind, outcome, form });
    }

    public static void NextCreated(JournalScope scope, string state, WorkTask next) =>
        scope.Write(JournalKinds.TaskCreated, state, $"Next '{next.Title}' for {next.Role} due {UkTime.Format(next.DueOn)}.");

    public static void Warned(JournalScope scope, WorkTask task) =>
        scope.Write(JournalKinds.TaskWarning, task.State, $"Reminder to {task.Role}: '{task.Title}' is due {UkTime.Format(task.DueOn)}.",
            new { taskId = task.Id, task = task.DefinitionTaskId, dueOn = task.DueOn });

    public static void Escalated(JournalScope scope, string state, WorkTask task, WorkTask escalation) =>
        scope.Write(JournalKinds.TaskOverdue, state,
            $"'{task.Title}' for {task.Role} was due {UkTime.Format(task.DueOn)} and is overdue: escalated to {task.EscalateTo}.",
            new { taskId = task.Id, task = task.DefinitionTaskId, dueOn = task.DueOn, escalationTaskId = escalation.Id, to = task.EscalateTo });

    /// <summary>Overdue, but the definition names no role to escalate to: recorded, and no one is given a task.</summary>
    public static void OverdueUnescalated(JournalScope scope, string state, WorkTask task) =>
        scope.Write(JournalKinds.TaskOverdue, state,
            $"'{task.Title}' for {task.Role} was due {UkTime.Format(task.DueOn)} and is overdue: no role to escalate to.",
            new { taskId = task.Id, task = task.DefinitionTaskId, dueOn = task.DueOn });
}

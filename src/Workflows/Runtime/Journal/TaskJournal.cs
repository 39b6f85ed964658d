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

    /// <summary>
    /// Who holds the task now. The words name no one (the entry's actor says who did it); the data holds the account ids
    /// and the new holder's display name, so the chronology can say to whom.
    /// </summary>
    public static void Assigned(JournalScope scope, WorkTask task, TaskAssignment change, string? previous)
    {
        var (kind, words) = change.Kind switch
        {
            TaskAssignmentKind.Released => (JournalKinds.TaskReleased, $"'{task.Title}' released to every {task.Role}."),
            TaskAssignmentKind.Claimed => (JournalKinds.TaskAssigned, $"'{task.Title}' claimed by a {task.Role}."),
            _ when previous is not null && previous != change.To =>
                (JournalKinds.TaskAssigned, $"'{task.Title}' reassigned to another {task.Role}."),
            _ => (JournalKinds.TaskAssigned, $"'{task.Title}' assigned to a {task.Role}."),
        };
        scope.Write(kind, task.State, words, new
        {
            taskId = task.Id, task = task.DefinitionTaskId, how = change.Kind.ToString().ToLowerInvariant(), assignee = change.To,
            assigneeName = change.ToName, previous, startBy = task.StartBy, priority = task.Priority.ToString().ToLowerInvariant(),
        });
    }

    /// <summary>An escalation closed because the late task it chased has been done.</summary>
    public static void EscalationResolved(JournalScope scope, string state, WorkTask escalation, WorkTask done) =>
        scope.Write(JournalKinds.TaskCompleted, state, $"Closed '{escalation.Title}': the late task has been done.",
            new { taskId = escalation.Id, task = escalation.DefinitionTaskId, kind = escalation.Kind, outcome = escalation.Outcome,
                escalationOf = done.Id });

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

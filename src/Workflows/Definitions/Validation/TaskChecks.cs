namespace SendWorkflow.Workflows.Definitions.Validation;

internal static class TaskChecks
{
    public static void Check(WorkflowDefinition d, TaskDefinition t, string what, string stateId, DefinitionProblems p)
    {
        if (string.IsNullOrWhiteSpace(t.Id)) p.Error("missing-id", $"{what} has no id.", "state", stateId);
        if (string.IsNullOrWhiteSpace(t.Title)) p.Error("missing-title", $"{what} needs a title.", "state", stateId);
        if (string.IsNullOrWhiteSpace(t.Role)) p.Error("missing-role", $"{what} needs a role.", "state", stateId);
        if (t.Due is not null) WhenChecks.Check(d, t.Due, what, ("state", stateId), p);
        if (t.Warn is { } warn)
        {
            WhenChecks.Check(d, warn, $"The warning of {what.ToLowerInvariant()}", ("state", stateId), p);
            if (warn.Next is not null || warn.Date is not null || warn.EndOfTerm is not null || warn.Months is not null || warn.Terms is not null
                || warn.HalfTerms is not null)
            {
                p.Error("invalid-warning",
                    $"{what} warns a number of days or weeks before it is due, not at a calendar point or in terms.", "state", stateId);
            }
        }
        if (t.Repeat && t.Due?.Next is null && t.Due?.Date is null)
        {
            p.Error("repeat-needs-point",
                $"{what} repeats, so its due date must be a calendar point ('next' or 'date').", "state", stateId);
        }
        if (t.Scope is not (null or "state" or TaskDefinition.InstanceScope))
            p.Error("invalid-scope", $"{what} has scope '{t.Scope}'; a task belongs to the 'state' or the 'instance'.", "state", stateId);
        if (t.On is { } on && !d.Events.ContainsKey(on))
            p.Error("unknown-event", $"{what} is handed out on '{on}', which the definition does not declare (events).", "state", stateId);
        if (t.On is not null && (t.OfInstance() || t.Repeat))
            p.Error("invalid-on", $"{what} is handed out on an event, so it belongs to its state and cannot repeat.", "state", stateId);
        if (t.OfInstance() && t.Repeat)
            p.Error("instance-task-repeats", $"{what} belongs to the instance, so it is made once and cannot repeat.", "state", stateId);
        if (t.Form is { } form && !Patterns.Id().IsMatch(form))
            p.Error("invalid-form", $"{what} shows form '{form}', which is not lower-case letters, digits and dashes.", "state", stateId);
        if (t.EscalateTo is { } role && string.IsNullOrWhiteSpace(role))
            p.Error("missing-role", $"{what} escalates to an empty role.", "state", stateId);
        // Every task can go overdue; without a role to escalate to, an overdue task is only journaled.
        if (t.EscalateTo is null && string.IsNullOrWhiteSpace(d.EscalateTo))
        {
            p.Warn("no-escalation-role",
                $"{what} names no role to escalate to when it is overdue, and the definition gives no default (escalateTo).",
                "state", stateId);
        }
    }
}

namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>
/// Records that an open task went overdue and gives an escalation task, due in two school days, to the task's
/// escalation role (its own, else its definition's); once. With no role to escalate to, the overdue task is journaled only.
/// </summary>
internal sealed class EscalateHandler(EngineServices services, UnitOfWork work)
{
    private const string Actor = "deadline";

    public Task<bool> EscalateAsync(Guid taskId, CancellationToken ct) =>
        work.RunAsync(async session =>
        {
            var task = await session.FindTaskAsync(taskId, ct);
            if (task is not { Status: WorkTaskStatus.Open, EscalatedAt: null }) return false;
            var instance = await session.FindInstanceAsync(task.InstanceId, ct);
            if (instance is null) return false;
            var now = services.Now();
            task.EscalatedAt = now;
            task.Revision++;
            instance.Touch(now);
            var scope = new JournalScope(session, instance.Id, now, Actor);
            if (string.IsNullOrEmpty(task.EscalateTo))
            {
                TaskJournal.OverdueUnescalated(scope, instance.State, task);
                return true;
            }
            var today = UkTime.DateOfUtc(now);
            var calendar = services.Calendars.ForBorough(instance.BoroughId);
            var due = calendar.Covers(today) ? calendar.AddSchoolDays(today, 2) : today.AddDays(2);
            var escalation = WorkTaskFactory.Escalation(instance, task, due, now);
            session.Add(escalation);
            TaskJournal.Escalated(scope, instance.State, task, escalation);
            return true;
        }, ct);
}

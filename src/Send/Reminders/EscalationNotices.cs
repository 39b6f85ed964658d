namespace SendWorkflow.Send.Reminders;

/// <summary>An escalation task to tell someone of: what went overdue (its title says), when the escalation is due, whose it is.</summary>
public sealed record EscalationNotice(ReminderTask Task, string Role, string? PupilId, string SchoolId);

/// <summary>
/// Who hears of which escalation: the escalation tasks the daily round made since yesterday (UK time), still open, to the
/// staff of their role at the task's school (an LA officer's: their borough's LA officers), and whoever holds the task,
/// each only if the access policy lets them see it (a class teacher only for a pupil of their classes) and not told of
/// it already. Reading the recent ones, not only this round's, lets a restart send what a crash left unsent.
/// </summary>
public sealed class EscalationNotices(AccessGuard guard)
{
    public async Task<List<(StaffRecipient To, EscalationNotice About)>> PendingAsync(SendWorkflowDbContext db,
        IReadOnlyList<StaffRecipient> staff, DateOnly today, CancellationToken ct)
    {
        var since = UkTime.StartOf(today.AddDays(-1)).UtcDateTime;
        var escalations = await (
            from t in db.Tasks.AsNoTracking()
            where t.Kind == WorkTask.EscalationKind && t.Status == WorkTaskStatus.Open && t.CreatedAt >= since
            join i in db.Instances.AsNoTracking() on t.InstanceId equals i.Id
            join p in db.Pupils.AsNoTracking() on t.SubjectId equals p.Id into pupils
            from p in pupils.DefaultIfEmpty()
            orderby t.CreatedAt, t.Id
            select new { t.Id, t.Title, t.DueOn, t.Role, t.SchoolId, t.SubjectId, t.Assignee, i.BoroughId, Name = p != null ? p.Name : null })
            .ToListAsync(ct);
        if (escalations.Count == 0) return [];
        var keys = escalations.Select(e => e.Id.ToString()).ToList();
        var told = (await db.SentReminders.AsNoTracking().Where(s => s.Kind == SentReminder.Escalation && keys.Contains(s.Key))
            .Select(s => new { s.UserId, s.Key }).ToListAsync(ct)).Select(s => (s.UserId, s.Key)).ToHashSet();
        var pending = new List<(StaffRecipient, EscalationNotice)>();
        foreach (var e in escalations)
        {
            var notice = new EscalationNotice(new ReminderTask(e.Id, e.Title, e.DueOn, MorningDigests.Whose(e.Name)), e.Role,
                SchoolSubject.Is(e.SubjectId) ? null : e.SubjectId, e.SchoolId);
            var candidates = staff.Where(s => s.Id == e.Assignee || (StaffRoles.Matches(e.Role, s.Role)
                && (s.Role == StaffRoles.LaOfficer ? s.BoroughId == e.BoroughId : s.SchoolId == e.SchoolId)));
            foreach (var to in candidates.Where(s => !told.Contains((s.Id, e.Id.ToString()))))
            {
                if (await (await guard.TasksAsync(db, to.Caller, ct)).AnyAsync(t => t.Id == e.Id, ct)) pending.Add((to, notice));
            }
        }
        return pending;
    }
}

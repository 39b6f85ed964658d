namespace SendWorkflow.Send.Reminders;

/// <summary>One line of an email: a task, its due day, and whose it is (a pupil's initials, or the school's programme).</summary>
public sealed record ReminderTask(Guid TaskId, string Title, DateOnly DueOn, string Whose);

/// <summary>A person's morning digest: their overdue tasks, those due within a week, and those given to them since the last digest.</summary>
public sealed record Digest(DateOnly Day, IReadOnlyList<ReminderTask> Overdue, IReadOnlyList<ReminderTask> DueSoon,
    IReadOnlyList<ReminderTask> NewlyAssigned)
{
    public bool IsEmpty => Overdue.Count + DueSoon.Count + NewlyAssigned.Count == 0;
}

/// <summary>
/// What goes into a person's digest: their work as the inbox's "My work" has it (assigned to them, or open to their role and
/// held by no one, for the pupils they may see), overdue or due within <see cref="DueSoonDays"/> days, and what was
/// assigned to them since their last digest. A task may be in "newly assigned" and in one of the others.
/// </summary>
public sealed class MorningDigests(AccessGuard guard)
{
    /// <summary>As the inbox's "Due soon".</summary>
    public const int DueSoonDays = 7;

    public async Task<Digest> ForAsync(SendWorkflowDbContext db, StaffRecipient who, DateOnly today, DateTime since, CancellationToken ct)
    {
        var (me, roles, soon) = (who.Id, StaffRoles.TaskRolesOf(who.Role), today.AddDays(DueSoonDays));
        var mine = (await guard.TasksAsync(db, who.Caller, ct))
            .Where(t => t.Status == WorkTaskStatus.Open && (t.Assignee == me || (t.Assignee == null && roles.Contains(t.Role))));
        var rows = await (
            from t in mine.Where(t => t.DueOn <= soon || (t.Assignee == me && t.AssignedAt > since))
            join p in db.Pupils.AsNoTracking() on t.SubjectId equals p.Id into pupils
            from p in pupils.DefaultIfEmpty()
            orderby t.DueOn, t.Id
            select new { t.Id, t.Title, t.DueOn, t.Assignee, t.AssignedAt, Name = p != null ? p.Name : null })
            .ToListAsync(ct);
        var lines = rows.Select(r => (Row: r, Line: new ReminderTask(r.Id, r.Title, r.DueOn, Whose(r.Name)))).ToList();
        return new Digest(today,
            lines.Where(x => x.Row.DueOn < today).Select(x => x.Line).ToList(),
            lines.Where(x => x.Row.DueOn >= today && x.Row.DueOn <= soon).Select(x => x.Line).ToList(),
            lines.Where(x => x.Row.Assignee == me && x.Row.AssignedAt > since).Select(x => x.Line).ToList());
    }

    /// <summary>A pupil's initials; a task with no pupil is the school's own programme.</summary>
    public static string Whose(string? pupilName) => pupilName is null ? "the school's programme" : PupilInitials.Of(pupilName);
}

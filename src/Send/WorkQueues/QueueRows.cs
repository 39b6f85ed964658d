using System.Linq.Expressions;

namespace SendWorkflow.Send.WorkQueues;

/// <summary>A task with what a queue shows of its pupil and workflow: one row of a page.</summary>
internal sealed class QueueRow
{
    public WorkTask Task { get; init; } = null!;
    public string Name { get; init; } = "";
    public string? ClassName { get; init; }
    public int? Stage { get; init; }
}

/// <summary>How many tasks each queue holds, as one query reads the open ones (and a second those done).</summary>
internal sealed record QueueTotals
{
    public int MyWork { get; init; }
    public int AssignedToMe { get; init; }
    public int Available { get; init; }
    public int NeedsAttention { get; init; }
    public int Done { get; init; }
    public int Everyone { get; init; }

    public static string PropertyOf(string queue) => queue switch
    {
        TaskQueueNames.MyWork => nameof(MyWork),
        TaskQueueNames.AssignedToMe => nameof(AssignedToMe),
        TaskQueueNames.Available => nameof(Available),
        TaskQueueNames.NeedsAttention => nameof(NeedsAttention),
        TaskQueueNames.Done => nameof(Done),
        _ => nameof(Everyone),
    };

    public int Of(string queue) => queue switch
    {
        TaskQueueNames.MyWork => MyWork,
        TaskQueueNames.AssignedToMe => AssignedToMe,
        TaskQueueNames.Available => Available,
        TaskQueueNames.NeedsAttention => NeedsAttention,
        TaskQueueNames.Done => Done,
        _ => Everyone,
    };
}

/// <summary>
/// Who is reading a queue, as its conditions need: their account, their task roles (any, for an administrator), today, and
/// when this school year began (UTC), which "done" counts from.
/// </summary>
internal sealed record QueueCaller(string Me, bool AnyRole, IReadOnlyList<string> Roles, bool Assigner, DateOnly Today, DateTime DoneSince);

/// <summary>
/// Each queue as one condition the database evaluates (see <see cref="TaskQueueNames"/>): "of my role" is the caller's
/// task roles, or any role for an administrator.
/// </summary>
internal static class QueueRows
{
    /// <summary>
    /// How many open tasks each queue of open tasks holds, counted in one pass over the open tasks (<c>COUNT(CASE WHEN ...
    /// END)</c> per queue); "done" is counted apart, over this year's completed tasks only.
    /// </summary>
    public static Expression<Func<IGrouping<int, WorkTask>, QueueTotals>> OpenTotals(QueueCaller who)
    {
        var g = Expression.Parameter(typeof(IGrouping<int, WorkTask>), "g");
        var bindings = TaskQueueNames.All.Where(q => q != TaskQueueNames.Done).Select(q => (MemberBinding)Expression.Bind(
            typeof(QueueTotals).GetProperty(QueueTotals.PropertyOf(q))!,
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(WorkTask)], g, In(q, who))));
        return Expression.Lambda<Func<IGrouping<int, WorkTask>, QueueTotals>>(
            Expression.MemberInit(Expression.New(typeof(QueueTotals)), bindings), g);
    }

    public static Expression<Func<WorkTask, bool>> In(string queue, QueueCaller who)
    {
        var (me, any, roles, assigner, today, since) = (who.Me, who.AnyRole, who.Roles, who.Assigner, who.Today, who.DoneSince);
        const WorkTaskStatus open = WorkTaskStatus.Open;
        return queue switch
        {
            TaskQueueNames.AssignedToMe => x => x.Status == open && x.Assignee == me,
            TaskQueueNames.Available => x => x.Status == open && x.Assignee == null && (any || roles.Contains(x.Role)),
            TaskQueueNames.NeedsAttention => x => x.Status == open && (x.DueOn < today || x.EscalatedAt != null)
                && (assigner || x.Assignee == me || (x.Assignee == null && (any || roles.Contains(x.Role)))),
            TaskQueueNames.Done => x => x.Status == WorkTaskStatus.Completed && x.CompletedAt >= since
                && (x.Assignee == me || any || roles.Contains(x.Role)),
            TaskQueueNames.Everyone => x => x.Status == open,
            _ => x => x.Status == open && (x.Assignee == me || (x.Assignee == null && (any || roles.Contains(x.Role)))),
        };
    }
}

namespace SendWorkflow.Send.WorkQueues;

/// <summary>
/// The inbox's queues. "My work" (the default) is what the caller may act on: assigned to them, or open to their role and
/// held by no one. Those who assign (the SENCo, the headteacher, an administrator) also see every open task of the school,
/// and their "needs attention" covers the whole school, not only their own work.
/// </summary>
public static class TaskQueueNames
{
    /// <summary>Assigned to me, or available to my role.</summary>
    public const string MyWork = "todo";
    public const string AssignedToMe = "mine";
    /// <summary>Open to my role and held by no one.</summary>
    public const string Available = "available";
    /// <summary>Overdue or escalated.</summary>
    public const string NeedsAttention = "attention";
    public const string Done = "done";
    /// <summary>Every open task the caller may see, whoever holds it: for those who assign.</summary>
    public const string Everyone = "everyone";

    public static readonly IReadOnlyList<string> All = [MyWork, AssignedToMe, Available, NeedsAttention, Done, Everyone];

    /// <summary>The tab's words.</summary>
    public static string Title(string queue) => queue switch
    {
        MyWork => "My work",
        AssignedToMe => "Assigned to me",
        Available => "Available to my role",
        NeedsAttention => "Needs attention",
        Done => "Done",
        Everyone => "Everyone's tasks",
        _ => queue,
    };
}

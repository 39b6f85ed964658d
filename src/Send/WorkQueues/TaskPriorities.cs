namespace SendWorkflow.Send.WorkQueues;

/// <summary>A task's priority in the words the API and the inbox use: low, normal, high.</summary>
public static class TaskPriorities
{
    public static readonly IReadOnlyList<string> All = ["high", "normal", "low"];

    public static bool TryParse(string? text, out TaskPriority? priority)
    {
        priority = text?.Trim().ToLowerInvariant() switch
        {
            "low" => TaskPriority.Low,
            "normal" => TaskPriority.Normal,
            "high" => TaskPriority.High,
            _ => null,
        };
        return priority is not null;
    }

    public static string Words(TaskPriority priority) => priority.ToString().ToLowerInvariant();
}

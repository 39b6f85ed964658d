namespace SendWorkflow.Host.Studio;

/// <summary>A task's priority as the inbox says it.</summary>
public static class PriorityWords
{
    public static string Of(string priority) => priority switch
    {
        "high" => "High",
        "low" => "Low",
        _ => "Normal",
    };
}

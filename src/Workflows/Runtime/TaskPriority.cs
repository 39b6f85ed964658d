namespace SendWorkflow.Workflows.Runtime;

/// <summary>How urgent a task is, stored as a number so a queue sorts by it in the query: higher first.</summary>
public enum TaskPriority
{
    Low = -1,
    Normal = 0,
    High = 1,
}

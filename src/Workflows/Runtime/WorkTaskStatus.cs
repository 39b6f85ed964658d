namespace SendWorkflow.Workflows.Runtime;

public enum WorkTaskStatus
{
    Open = 0,
    Completed = 1,
    Cancelled = 2,
}

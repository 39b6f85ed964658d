namespace SendWorkflow.Workflows.Runtime;

public enum TimerStatus
{
    Pending = 0,
    Fired = 1,
    Cancelled = 2,
}

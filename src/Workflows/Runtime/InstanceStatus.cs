namespace SendWorkflow.Workflows.Runtime;

public enum InstanceStatus
{
    Active = 0,
    Closed = 1,
}

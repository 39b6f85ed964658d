namespace SendWorkflow.Workflows.Stores;

public interface IWorkflowStore
{
    /// <summary>Opens a unit of work; its changes are written in one transaction by CommitAsync.</summary>
    Task<IWorkflowSession> OpenAsync(CancellationToken ct);
}

namespace SendWorkflow.Persistence.Writing;

/// <summary>
/// The engine's store on either database: reads from the provider's <see cref="ISessionReadSource"/>, writes through its
/// <see cref="IChangeSetWriter"/>.
/// </summary>
internal sealed class WorkflowStore(ISessionReadSource reads, IChangeSetWriter writer) : IWorkflowStore
{
    public async Task<IWorkflowSession> OpenAsync(CancellationToken ct) => new WorkflowSession(await reads.OpenAsync(ct), writer);
}

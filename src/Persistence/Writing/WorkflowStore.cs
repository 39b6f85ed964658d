namespace SendWorkflow.Persistence.Writing;

/// <summary>The engine's store on either database: reads through EF Core, writes through the provider's <see cref="IChangeSetWriter"/>.</summary>
internal sealed class WorkflowStore(IDbContextFactory<SendWorkflowDbContext> factory, IChangeSetWriter writer) : IWorkflowStore
{
    private readonly SessionQueries _queries = new();

    public async Task<IWorkflowSession> OpenAsync(CancellationToken ct) =>
        new WorkflowSession(await factory.CreateDbContextAsync(ct), writer, _queries);
}

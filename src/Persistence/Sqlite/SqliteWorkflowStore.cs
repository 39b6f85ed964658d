namespace SendWorkflow.Persistence.Sqlite;

internal sealed class SqliteWorkflowStore(IDbContextFactory<SendWorkflowDbContext> factory, SqliteWorkflowWriter writer) : IWorkflowStore
{
    public async Task<IWorkflowSession> OpenAsync(CancellationToken ct) =>
        new SqliteWorkflowSession(await factory.CreateDbContextAsync(ct), writer);
}

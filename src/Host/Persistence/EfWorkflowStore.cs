using Microsoft.EntityFrameworkCore;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Host.Persistence;

internal sealed class EfWorkflowStore(IDbContextFactory<SendWorkflowDbContext> factory) : IWorkflowStore
{
    public async Task<IWorkflowSession> OpenAsync(CancellationToken ct) =>
        new EfWorkflowSession(await factory.CreateDbContextAsync(ct));
}

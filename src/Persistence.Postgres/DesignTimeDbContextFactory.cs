using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SendWorkflow.Persistence.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SendWorkflowDbContext>
{
    public SendWorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SendWorkflowDbContext>()
            .UseNpgsql("Host=localhost;Database=design", n => n.MigrationsAssembly(PersistenceServices.PostgresMigrationsAssembly))
            .Options);
}

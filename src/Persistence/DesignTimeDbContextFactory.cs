using Microsoft.EntityFrameworkCore.Design;

namespace SendWorkflow.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SendWorkflowDbContext>
{
    public SendWorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SendWorkflowDbContext>().UseSqlite("Data Source=design.db").Options);
}

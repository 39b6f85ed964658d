using Microsoft.EntityFrameworkCore;
using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Architecture;

/// <summary>Each database's migrations make the model as it is: a change to an entity needs a migration for both.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqlitesMigrations_MakeTheModel()
    {
        using var db = new SendWorkflowDbContext(new DbContextOptionsBuilder<SendWorkflowDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed since SQLite's last migration: dotnet ef migrations add <Name> --project src/Persistence");
    }

    [Fact]
    public void PostgresMigrations_MakeTheModel()
    {
        using var db = new SendWorkflowDbContext(new DbContextOptionsBuilder<SendWorkflowDbContext>()
            .UseNpgsql("Host=localhost;Database=none", n => n.MigrationsAssembly(PersistenceServices.PostgresMigrationsAssembly)).Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed since PostgreSQL's last migration: dotnet ef migrations add <Name> --project src/Persistence.Postgres "
            + "--startup-project src/Persistence.Postgres");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}

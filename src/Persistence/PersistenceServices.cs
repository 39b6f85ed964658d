using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence;

public static class PersistenceServices
{
    /// <summary>
    /// The service's database on SQLite: EF Core for queries and the model, the runtime's single writer for the
    /// workflow store, the timer queries, and WAL checkpoints in the background.
    /// </summary>
    public static IServiceCollection AddSqlitePersistence(this IServiceCollection services, string connectionString)
    {
        services.AddPooledDbContextFactory<SendWorkflowDbContext>(o => o
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContext());
        services.AddSingleton(sp =>
        {
            using var db = sp.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContext();
            return new SqliteWorkflowWriter(connectionString, db.Model);
        });
        services.AddSingleton<IAuditWriter>(sp => sp.GetRequiredService<SqliteWorkflowWriter>());
        services.AddSingleton<IWorkflowStore, SqliteWorkflowStore>();
        services.AddSingleton<ITimerQueries, SqliteTimerQueries>();
        services.AddHostedService<WalCheckpointer>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using SendWorkflow.Persistence.Postgres;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Persistence.Writing;

namespace SendWorkflow.Persistence;

public static class PersistenceServices
{
    /// <summary>The assembly that holds the PostgreSQL migrations (SQLite's are in this one).</summary>
    public const string PostgresMigrationsAssembly = "SendWorkflow.Persistence.Postgres";

    /// <summary>The service's database on the configured provider.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        return settings.Provider == DatabaseProvider.Postgres
            ? services.AddPostgresPersistence(settings.ConnectionString)
            : services.AddSqlitePersistence(settings.ConnectionString, settings.WalLimitMiB);
    }

    /// <summary>
    /// The service's database on SQLite: EF Core for queries and the model, the runtime's single writer for the
    /// workflow store, the timer queries, and WAL checkpoints in the background.
    /// </summary>
    public static IServiceCollection AddSqlitePersistence(this IServiceCollection services, string connectionString,
        int walLimitMiB = DatabaseSettings.DefaultWalLimitMiB)
    {
        _ = SqliteProcess.MemoryStatisticsOff;
        services.TryAddSingleton(new DatabaseSettings(DatabaseProvider.Sqlite, connectionString) { WalLimitMiB = walLimitMiB });
        services.AddSingleton<ClusterLock>();
        services.AddPooledDbContextFactory<SendWorkflowDbContext>((sp, o) =>
        {
            // The writer's held state of instances and placements of subjects, which a write outside the writer empties
            // (resolved at the first such write).
            var writer = new Lazy<SqliteWorkflowWriter>(sp.GetRequiredService<SqliteWorkflowWriter>);
            o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor(),
                new OutsideWriteInterceptor(() => writer.Value.States, () => writer.Value.Subjects));
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContext());
        services.AddSingleton(sp =>
        {
            using var db = sp.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContext();
            return new SqliteWorkflowWriter(connectionString, db.Model, walLimitMiB);
        });
        services.AddSingleton<IChangeSetWriter>(sp => sp.GetRequiredService<SqliteWorkflowWriter>());
        services.AddSingleton<IAuditWriter>(sp => sp.GetRequiredService<SqliteWorkflowWriter>());
        services.AddSingleton<ISessionReadSource>(sp =>
            new SqliteSessionReads(connectionString, sp.GetRequiredService<SqliteWorkflowWriter>()));
        services.AddSingleton<IWorkflowStore, WorkflowStore>();
        services.AddSingleton<ITimerQueries>(sp =>
            new SqliteTimerQueries(connectionString, sp.GetRequiredService<SqliteWorkflowWriter>().Model));
        services.AddHostedService<WalCheckpointer>();
        return services;
    }

    /// <summary>
    /// The service's database on PostgreSQL: EF Core for queries and the model (its own migrations), and a writer per
    /// change set on pooled connections, so that events of several hosts commit side by side.
    /// </summary>
    public static IServiceCollection AddPostgresPersistence(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(new DatabaseSettings(DatabaseProvider.Postgres, connectionString));
        services.AddSingleton<ClusterLock>();
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddPooledDbContextFactory<SendWorkflowDbContext>((sp, o) => o
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), n => n.MigrationsAssembly(PostgresMigrationsAssembly)));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContext());
        services.AddSingleton<IChangeSetWriter>(sp =>
        {
            using var db = sp.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContext();
            return new PostgresWorkflowWriter(sp.GetRequiredService<NpgsqlDataSource>(), db.Model);
        });
        services.AddSingleton<IAuditWriter>(sp => sp.GetRequiredService<IChangeSetWriter>());
        services.AddSingleton<ISessionReadSource, EfSessionReadSource>();
        services.AddSingleton<IWorkflowStore, WorkflowStore>();
        services.AddSingleton<ITimerQueries, TimerQueries>();
        return services;
    }
}

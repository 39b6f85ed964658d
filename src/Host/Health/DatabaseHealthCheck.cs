using Microsoft.Extensions.Diagnostics.HealthChecks;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Host.Health;

/// <summary>
/// Ready only if the database answers a query and takes a write: the probe row in the Health table is written and
/// committed (a write rolled back never reaches the disk, so it could not notice a full one). The answer names what
/// is wrong and what to do, without the file's path (the endpoint is anonymous; the log has the path).
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<SendWorkflowDbContext> factory, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Health.AsNoTracking().AnyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer a query.", data: Data(readable: false, writable: false));
        }
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            await db.Database.ExecuteSqlAsync(
                // Quoted names and ON CONFLICT: the same statement on SQLite and PostgreSQL.
                $"""
                INSERT INTO "Health" ("Id", "CheckedAt") VALUES (1, {now})
                ON CONFLICT ("Id") DO UPDATE SET "CheckedAt" = excluded."CheckedAt"
                """,
                cancellationToken);
            return HealthCheckResult.Healthy("The database answers and takes writes.", Data(readable: true, writable: true));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var problem = SqliteStorageErrors.Classify(ex);
            var description = problem is null ? "The database refused a write." : SqliteStorageErrors.Describe(problem.Problem, null);
            return HealthCheckResult.Unhealthy(description, data: Data(readable: true, writable: false, problem?.Problem.ToString()));
        }
    }

    private static Dictionary<string, object> Data(bool readable, bool writable, string? problem = null)
    {
        var data = new Dictionary<string, object> { ["readable"] = readable, ["writable"] = writable };
        if (problem is not null) data["problem"] = problem;
        return data;
    }
}

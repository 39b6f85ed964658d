using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SendWorkflow.Host.Health;

/// <summary>
/// Liveness and readiness as ASP.NET Core health checks, anonymous: <c>/api/health/live</c> (the process answers),
/// <c>/api/health/ready</c> and <c>/api/health</c> (the database answers and takes a write, and the timer dispatcher ran
/// recently). JSON with the status of each check; 503 when not ready.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<DispatcherHealthCheck>("timer-dispatcher", tags: [Ready]);
        return services;
    }

    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync };
        api.MapHealthChecks("/health", ready).WithTags("Health").AllowAnonymous();
        api.MapHealthChecks("/health/ready", ready).WithTags("Health").AllowAnonymous();
        api.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithTags("Health").AllowAnonymous();
        return api;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            ready = report.Status != HealthStatus.Unhealthy,
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

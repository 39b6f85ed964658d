using SendWorkflow.Send.Clock;

namespace SendWorkflow.Host.Timers;

/// <summary>
/// The simulated clock shared by several hosts on one PostgreSQL database: before each request the host moves its
/// clock on to where the database says it stands (another host may have advanced it), so every host answers at the
/// same time of day. One small read per request, in simulated mode only.
/// </summary>
internal sealed class SharedClockFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextStep) =>
        {
            await http.RequestServices.GetRequiredService<StoredClock>().RestoreAsync(http.RequestAborted);
            await nextStep(http);
        });
        next(app);
    };
}

using SendWorkflow.Send.Clock;

namespace SendWorkflow.Host.Endpoints;

public sealed record AdvanceClockRequest(double? Days, string? To);

/// <summary>The clock: read it; in simulated mode, move it forward.</summary>
public static class ClockApi
{
    public static IEndpointRouteBuilder MapClockApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/clock", (TimeProvider time) => TypedResults.Ok(Describe(time))).WithTags("Clock");
        api.MapPost("/clock/advance", async (AdvanceClockRequest body, TimeProvider time, IServiceProvider services, CancellationToken ct) =>
        {
            if (time is not SimulatedTimeProvider simulated)
                throw new ConflictException("The clock runs in System mode; start the service with Clock__Mode=Simulated to move it.");
            var target = Target(body, simulated.GetUtcNow());
            var result = await services.GetRequiredService<SendWorkflow.Send.Clock.SimulatedClock>().AdvanceToAsync(target, ct);
            return TypedResults.Ok(new
            {
                now = result.Now,
                today = UkTime.DateOf(result.Now),
                mode = "simulated",
                fired = result.Fired,
                cancelled = result.Cancelled,
                warned = result.Warned,
                escalated = result.Escalated,
            });
        }).WithTags("Clock").RequireStaffRole("move the clock", Capabilities.Administer);
        return api;
    }

    internal static DateTimeOffset Target(AdvanceClockRequest body, DateTimeOffset now)
    {
        var problems = new ProblemCollector()
            .Check((body.Days is null) != (body.To is null), "days", "Give exactly one of 'days' or 'to'.")
            .Check(body.Days is null or (> 0 and <= 3660), "days", "'days' must be more than 0 and at most 3660.");
        DateTimeOffset? to = null;
        if (body.To is { } text)
        {
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date)) to = UkTime.StartOf(date).AddHours(8);
            else if (DateTimeOffset.TryParse(text, invariant, System.Globalization.DateTimeStyles.None, out var instant)) to = instant;
            problems.Check(to is not null, "to", "'to' must be a date (yyyy-MM-dd) or an ISO 8601 instant.");
            problems.Check(to is null || to > now, "to", "'to' must be later than the clock's current time; the clock never goes back.");
            problems.Check(to is null || to <= now.AddYears(10), "to", "'to' must be within 10 years of now.");
        }
        problems.ThrowIfAny();
        return to ?? now.AddDays(body.Days!.Value);
    }

    private static object Describe(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new
        {
            now,
            today = UkTime.DateOf(now),
            mode = time is SimulatedTimeProvider ? "simulated" : "system",
        };
    }
}

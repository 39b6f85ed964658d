using SendWorkflow.Send.Flow;

// In the container's namespace, as AddX methods usually are, so the host's composition reads without a using per area.
namespace Microsoft.Extensions.DependencyInjection;

public static class FlowServices
{
    /// <summary>The flow on the canvas, the school's pupils per stage through the year and the borough's monthly timeliness.</summary>
    public static IServiceCollection AddPathwayFlow(this IServiceCollection services) =>
        services.AddSingleton<PathwayFlow>().AddSingleton<PathwayStages>().AddSingleton<MonthlyCompliance>();
}

using Microsoft.Extensions.DependencyInjection;

namespace SendWorkflow.Send.Play;

public static class PlayServices
{
    /// <summary>Play ("Try it"): the sessions, their background sweep, and the saved scenarios.</summary>
    public static IServiceCollection AddPlay(this IServiceCollection services, PlayOptions? options = null)
    {
        services.AddSingleton(options ?? new PlayOptions());
        services.AddSingleton<PlaySessions>();
        services.AddSingleton<PlayScenarios>();
        services.AddHostedService<PlaySweeper>();
        return services;
    }
}

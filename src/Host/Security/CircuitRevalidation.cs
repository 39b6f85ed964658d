using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace SendWorkflow.Host.Security;

/// <summary>
/// An open Studio page keeps its live connection after the cookie that opened it has stopped working; every minute the
/// connection checks the user's security stamp too, so sign-out elsewhere, a lockout or a revoke also closes open pages.
/// </summary>
internal sealed class CircuitRevalidation(ILoggerFactory loggers, SessionStamps sessions)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        sessions.IsCurrentAsync(state.User, ct);
}

using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SendWorkflow.Host.Security;

/// <summary>
/// Ends a member of staff's sessions, cookies and bearer tokens alike, by changing their Identity security stamp, and
/// checks on every request that the stamp a cookie or token carries is still the user's. Identity's cookie validator
/// only looks at the stamp every <see cref="SecurityStampValidatorOptions.ValidationInterval"/> and its bearer handler
/// never does; this check covers both. The current stamp is cached per user for a few seconds (one indexed read per
/// user at most that often) and dropped at once when this host changes it, so here a revoked session ends with the
/// next request; another host sharing the database notices within <see cref="Fresh"/>.
/// </summary>
public sealed class SessionStamps(IServiceScopeFactory scopes, TimeProvider time, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset ReadAt)> _current = new(StringComparer.Ordinal);

    /// <summary>Whether the principal's stamp is still its user's; principals that Identity did not issue have none to check.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme)) return true;
        var id = user.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || stamp is null) return false;
        var now = time.GetUtcNow();
        if (!_current.TryGetValue(id, out var known) || now - known.ReadAt > Fresh || now < known.ReadAt)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SendWorkflowDbContext>();
            known = (await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct), now);
            _current[id] = known;
        }
        return known.Stamp is not null && string.Equals(known.Stamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>Ends every session of the user: a new security stamp, saved through the caller's user manager.</summary>
    public async Task EndSessionsAsync(UserManager<StaffUser> users, StaffUser user)
    {
        var updated = await users.UpdateSecurityStampAsync(user);
        Forget(user.Id);
        if (!updated.Succeeded) throw new InvalidOperationException(string.Join(" ", updated.Errors.Select(e => e.Description)));
    }

    /// <summary>Drops the cached stamp after a change made elsewhere (a password changed through the user manager).</summary>
    public void Forget(string userId) => _current.TryRemove(userId, out _);

    /// <summary>
    /// After authentication: a cookie or token whose stamp is no longer its user's signs nobody in, so the API answers 401
    /// and a page sends the browser to sign in; the stale cookie is deleted.
    /// </summary>
    public static IApplicationBuilder Check(IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true
            && !await http.RequestServices.GetRequiredService<SessionStamps>().IsCurrentAsync(http.User, http.RequestAborted))
        {
            if (BootstrapTokenHandler.BearerToken(http.Request) is null) await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(http);
    });
}

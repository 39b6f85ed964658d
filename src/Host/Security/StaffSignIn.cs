using Microsoft.AspNetCore.Identity;

namespace SendWorkflow.Host.Security;

/// <summary>
/// Checks an email and password, for the Studio's form (a cookie) and the token endpoint (a bearer token), so that a
/// stranger learns nothing from the answer: an unknown email, a wrong password and a locked account get the same
/// answer and take about as long (a password hash is verified in each case). Five wrong passwords lock the account
/// for 15 minutes and end its sessions.
/// </summary>
public sealed class StaffSignIn(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher,
    SessionStamps sessions, SignInLimits limits, AuditLog audit)
{
    public const string Wrong = "The email or password is wrong.";

    private static readonly StaffUser Nobody = new() { DisplayName = "" };
    private static string? _dummyHash;

    /// <summary>Signs the user in with the scheme (it writes the cookie or the token), or says why not.</summary>
    public async Task<Outcome> SignInAsync(HttpContext http, string email, string password, string scheme)
    {
        if (limits.Refuse(email, http.Connection.RemoteIpAddress?.ToString()) is { } wait)
        {
            await audit.RecordAsync(http, AuditActions.Rejected, new AuditSubject("sign-in", null, null, null), 429);
            return new Outcome(false, wait);
        }
        var user = await users.FindByEmailAsync(email.Trim());
        var wasLocked = user is not null && await users.IsLockedOutAsync(user);
        if (user is null || wasLocked)
        {
            // Identity answers these without hashing anything: hash anyway, so the time taken gives nothing away.
            hasher.VerifyHashedPassword(Nobody, _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString()), password);
        }
        if (user is not null && !wasLocked)
        {
            signIn.AuthenticationScheme = scheme;
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return new Outcome(true, null);
            // The fifth wrong password has just locked the account: whoever holds its sessions loses them too.
            if (result.IsLockedOut) await sessions.EndSessionsAsync(users, user);
        }
        await audit.RecordAsync(http, AuditActions.Rejected, new AuditSubject("sign-in", null, null, null), 401);
        return new Outcome(false, null);
    }

    public sealed record Outcome(bool Succeeded, TimeSpan? RetryAfter);
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace SendWorkflow.Host.Security;

/// <summary>Cookie sign-in and sign-out for the Studio: plain form posts, with the antiforgery token the form carries.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", SignIn).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/signout", SignOut).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignIn([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        StaffSignIn signIn, HttpContext http)
    {
        var back = ReturnPath.Safe(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return Results.LocalRedirect($"/signin?error=missing&returnUrl={Uri.EscapeDataString(back)}");
        var outcome = await signIn.SignInAsync(http, email, password, IdentityConstants.ApplicationScheme);
        if (outcome.RetryAfter is { } wait) return SignInLimits.TooMany(http, wait);
        return outcome.Succeeded ? Results.LocalRedirect(back) : Results.LocalRedirect($"/signin?error=wrong&returnUrl={Uri.EscapeDataString(back)}");
    }

    /// <summary>
    /// Signs out everywhere: the user's security stamp changes, so this cookie, any other browser's and every bearer token
    /// issued to them stop working. The form's antiforgery token is required, so another site can't sign staff out.
    /// </summary>
    private static async Task<IResult> SignOut(HttpContext http, IAntiforgery antiforgery, SignInManager<StaffUser> signIn,
        UserManager<StaffUser> users, SessionStamps sessions, AuditLog audit)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            await audit.RecordAsync(http, AuditActions.Refused, new AuditSubject("sign-out", null, null, null), 400);
            return TypedResults.Problem("The form has no valid antiforgery token: sign out from the Studio's page.", statusCode: 400,
                title: "Not signed out");
        }
        if (await users.GetUserAsync(http.User) is { } user) await sessions.EndSessionsAsync(users, user);
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/signin");
    }
}

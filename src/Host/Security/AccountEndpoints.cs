using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Send.Audit;

namespace SendWorkflow.Host.Security;

/// <summary>Cookie sign-in and sign-out for the Studio: plain form posts, with the antiforgery token the form carries.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", SignIn).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/signout", async (SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/signin");
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignIn([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<StaffUser> signIn, AuditLog audit, HttpContext http)
    {
        var back = returnUrl is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal)
            && !r.StartsWith("/\\", StringComparison.Ordinal) ? r : "/";
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return Results.LocalRedirect($"/signin?error=missing&returnUrl={Uri.EscapeDataString(back)}");
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return Results.LocalRedirect(back);
        await audit.RecordAsync(http, AuditActions.Rejected, new AuditSubject("sign-in", null, null, null), 401);
        return Results.LocalRedirect($"/signin?error={(result.IsLockedOut ? "locked" : "wrong")}&returnUrl={Uri.EscapeDataString(back)}");
    }
}

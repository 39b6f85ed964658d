using Microsoft.AspNetCore.Identity;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Endpoints;

public sealed record TokenRequest(string? Email, string? Password);
public sealed record PasswordChange(string? Current, string? New);
public sealed record CreateStaffRequest(
    string? Email, string? DisplayName, string? Role, string? SchoolId, string? BoroughId, string? Classes, string? Password);
public sealed record StaffDto(
    string Id, string Email, string DisplayName, string Role, string? SchoolId, string? BoroughId, IReadOnlyList<string> Classes);
public sealed record MeDto(
    string Id, string DisplayName, string? Role, string? SchoolId, string? BoroughId, IReadOnlyList<string> Classes, string? CalendarFeed);

/// <summary>Signing in for automation (bearer tokens), who am I, and staff accounts.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in");
        auth.MapPost("/token", Token).AllowAnonymous();
        auth.MapGet("/me", Me);
        auth.MapPost("/signout", SignOut);
        api.MapPost("/users", CreateStaff).WithTags("Sign-in");
        api.MapPost("/users/{id}/revoke", Revoke).WithTags("Sign-in");
        api.MapPost("/me/password", ChangePassword).WithTags("Sign-in");
        api.MapPost("/me/calendar/reset", ResetCalendar).WithTags("Sign-in");
        return api;
    }

    /// <summary>
    /// Email and password for a bearer token (8 hours). Five wrong passwords lock the account for 15 minutes; an unknown
    /// email, a wrong password and a locked account get the same answer; too many attempts get 429.
    /// </summary>
    private static async Task<IResult> Token(TokenRequest body, StaffSignIn signIn, HttpContext http)
    {
        new ProblemCollector().Require(body.Email, "email", 256).Require(body.Password, "password", 256).ThrowIfAny();
        var outcome = await signIn.SignInAsync(http, body.Email!, body.Password!, IdentityConstants.BearerScheme);
        if (outcome.Succeeded) return TypedResults.Empty; // the bearer handler has written the token
        if (outcome.RetryAfter is { } wait) return SignInLimits.TooMany(http, wait);
        return TypedResults.Problem(StaffSignIn.Wrong, statusCode: 401, title: "Not signed in");
    }

    /// <summary>Signs the caller out everywhere: every cookie and bearer token of theirs stops working.</summary>
    private static async Task<IResult> SignOut(StaffScope scope, UserManager<StaffUser> users, SessionStamps sessions, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is { } user)
        {
            await sessions.EndSessionsAsync(users, user);
            await scope.AuditAsync(AuditActions.Change, "sessions", user.Id, null, user.SchoolId);
        }
        return TypedResults.NoContent();
    }

    /// <summary>An administrator ends every session of a member of staff (a lost laptop, someone who has left).</summary>
    private static async Task<IResult> Revoke(string id, StaffScope scope, UserManager<StaffUser> users, SessionStamps sessions,
        SendWorkflowDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        await scope.RequireAsync("end staff's sessions", Capabilities.Administer);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            await scope.AuditAsync(AuditActions.Refused, "staff", id, null, null, 404);
            throw new NotFoundException($"There is no member of staff '{id}'.");
        }
        // The new stamp and its audit entry are one transaction: Identity's store shares this request's context.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Audit.Add(audit.Entry(http, AuditActions.Change, new AuditSubject("sessions", user.Id, null, user.SchoolId), 204));
        await sessions.EndSessionsAsync(users, user);
        await tx.CommitAsync(ct);
        sessions.Forget(user.Id);
        return TypedResults.NoContent();
    }

    /// <summary>The caller changes their own password; every session of theirs, this one included, ends.</summary>
    private static async Task<IResult> ChangePassword(PasswordChange body, UserManager<StaffUser> users, SessionStamps sessions,
        SendWorkflowDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        new ProblemCollector().Require(body.Current, "current", 256).Require(body.New, "new", 256).ThrowIfAny();
        var user = await users.GetUserAsync(http.User)
            ?? throw new BadRequestException("Only a member of staff signed in with their own account has a password to change.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Audit.Add(audit.Entry(http, AuditActions.Change, new AuditSubject("password", user.Id, null, user.SchoolId), 204));
        var changed = await users.ChangePasswordAsync(user, body.Current!, body.New!);
        if (!changed.Succeeded)
        {
            throw new RequestValidationException(changed.Errors
                .Select(e => new Problem(e.Code == "PasswordMismatch" ? "The current password is wrong." : e.Description,
                    e.Code == "PasswordMismatch" ? "current" : "new", e.Code))
                .ToList());
        }
        await tx.CommitAsync(ct);
        sessions.Forget(user.Id);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Me(StaffScope scope, UserManager<StaffUser> users, HttpContext http)
    {
        var user = scope.UserId is { } id ? await users.FindByIdAsync(id) : null;
        return TypedResults.Ok(new MeDto(scope.UserId ?? "", scope.UserName ?? "", scope.Role, scope.SchoolId, scope.BoroughId, scope.Classes,
            user is null ? null : CalendarFeedUrl(http, user)));
    }

    /// <summary>An administrator creates a member of staff with one role and where they work.</summary>
    private static async Task<IResult> CreateStaff(CreateStaffRequest body, StaffScope scope, UserManager<StaffUser> users,
        SendWorkflowDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        await scope.RequireAsync("create staff accounts", Capabilities.Administer);
        var problems = new ProblemCollector()
            .Require(body.Email, "email", 256)
            .Require(body.DisplayName, "displayName")
            .Require(body.Role, "role", 40)
            .Check(body.Role is null || StaffRoles.All.Contains(body.Role), "role",
                $"'{body.Role}' is not a role (use one of {string.Join(", ", StaffRoles.All)}).")
            .Require(body.Password, "password", 256)
            .Check(body.Classes is not { Length: > 500 }, "classes", "'classes' must be at most 500 characters.");
        var schoolRole = body.Role is not null && StaffRoles.SchoolStaff.Contains(body.Role);
        if (schoolRole)
        {
            problems.Check(body.SchoolId is not null && await db.Schools.AnyAsync(s => s.Id == body.SchoolId, ct), "schoolId",
                $"A {body.Role} needs the id of an existing school.");
        }
        if (body.Role is not null && StaffRoles.BoroughStaff.Contains(body.Role))
        {
            problems.Check(body.BoroughId is not null && await db.Boroughs.AnyAsync(b => b.Id == body.BoroughId, ct), "boroughId",
                body.Role == StaffRoles.LaOfficer
                    ? "An LA officer needs the id of an existing borough."
                    : $"A {body.Role} needs the id of an existing borough.");
        }
        if (body.Role is StaffRoles.ClassTeacher or StaffRoles.TeachingAssistant)
            problems.Check(AccessPolicy.SplitClasses(body.Classes).Any(), "classes", $"A {body.Role} needs their classes, e.g. \"3 Oak;4 Ash\".");
        problems.ThrowIfAny();

        var user = new StaffUser
        {
            UserName = body.Email!.Trim(), Email = body.Email.Trim(), EmailConfirmed = true, DisplayName = body.DisplayName!.Trim(),
            SchoolId = schoolRole ? body.SchoolId : null, BoroughId = StaffRoles.BoroughStaff.Contains(body.Role!) ? body.BoroughId : null,
            Classes = string.Join(';', AccessPolicy.SplitClasses(body.Classes)), CalendarSecret = CalendarFeeds.NewSecret(),
        };
        // The account, its role and its audit entry are one transaction: Identity's store shares this request's context.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, body.Password!);
        if (!created.Succeeded)
        {
            throw new RequestValidationException(created.Errors
                .Select(e => new Problem(e.Description, e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Code))
                .ToList());
        }
        await users.AddToRoleAsync(user, body.Role!);
        db.Audit.Add(audit.Entry(http, AuditActions.Change, new AuditSubject("staff", user.Id, null, user.SchoolId), 201));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/users/{user.Id}", new StaffDto(
            user.Id, user.Email!, user.DisplayName, body.Role!, user.SchoolId, user.BoroughId,
            AccessPolicy.SplitClasses(user.Classes).ToList()));
    }

    /// <summary>A new secret for the user's calendar feed: subscriptions to the old address stop working.</summary>
    private static async Task<IResult> ResetCalendar(StaffScope scope, CalendarFeeds feeds, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new { calendarFeed = $"{http.Request.Scheme}://{http.Request.Host}/{await feeds.ResetAsync(scope.Caller, ct)}" });

    public static string CalendarFeedUrl(HttpContext http, StaffUser user) =>
        $"{http.Request.Scheme}://{http.Request.Host}/api/calendar/{user.Id}/{user.CalendarSecret}.ics";
}

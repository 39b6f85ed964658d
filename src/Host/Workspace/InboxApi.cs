using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Api;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Host.Security;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Workflows.Runtime;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Workspace;

/// <summary>
/// The inbox: the open tasks of my role for the pupils I may see, overdue first, then the soonest due; and the same
/// deadlines as a calendar feed that Outlook or Google Calendar can subscribe to.
/// </summary>
public static class InboxApi
{
    private const int DueSoonDays = 7;

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/inbox", async (string? pupilId, string? className, int? stage, string? kind, int? take,
            SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct) =>
        {
            new ProblemCollector().Check(take is null or (> 0 and <= 1000), "take", "'take' must be between 1 and 1000.").ThrowIfAny();
            scope.Audit(AuditActions.Read, "inbox", null, pupilId, null);
            return TypedResults.Ok(await InboxAsync(db, scope, time, pupilId, className, stage, kind, take ?? 200, ct));
        }).WithTags("Inbox");
        api.MapGet("/calendar/{userId}/{secret}.ics", Feed).AllowAnonymous().WithTags("Inbox");
        return api;
    }

    public static Task<IReadOnlyList<InboxItem>> InboxAsync(SendWorkflowDbContext db, StaffScope scope, TimeProvider time,
        string? pupilId, string? className, int? stage, string? kind, int take, CancellationToken ct) =>
        InboxAsync(db, scope.Principal, time, pupilId, className, stage, kind, take, ct);

    /// <summary>The inbox of a signed-in user: the API's caller, or a Studio page's user.</summary>
    public static async Task<IReadOnlyList<InboxItem>> InboxAsync(SendWorkflowDbContext db, ClaimsPrincipal user, TimeProvider time,
        string? pupilId, string? className, int? stage, string? kind, int take, CancellationToken ct)
    {
        var today = UkTime.DateOf(time.GetUtcNow());
        var role = AccessPolicy.RoleOf(user);
        var q = from t in AccessPolicy.TasksFor(user, db).Where(t => t.Status == WorkTaskStatus.Open)
                join p in db.Pupils.AsNoTracking() on t.PupilId equals p.Id
                join i in db.Instances.AsNoTracking() on t.InstanceId equals i.Id
                select new { t, p.Name, p.ClassName, i.Stage };
        if (role != StaffRoles.Administrator) q = q.Where(x => x.t.Role == role);
        if (pupilId is not null) q = q.Where(x => x.t.PupilId == pupilId);
        if (className is not null) q = q.Where(x => x.ClassName == className);
        if (stage is not null) q = q.Where(x => x.Stage == stage);
        if (kind is not null) q = q.Where(x => x.t.Kind == kind);
        var rows = await q.OrderBy(x => x.t.DueOn).ThenBy(x => x.Name).Take(take).ToListAsync(ct);
        return rows.Select(x => new InboxItem(x.t.Id, x.t.InstanceId, x.t.PupilId, x.Name, x.ClassName, x.Stage, x.t.State, x.t.Title,
            x.t.Role, x.t.Kind, x.t.DueOn, x.t.DueOn < today, x.t.DueOn >= today && x.t.DueOn <= today.AddDays(DueSoonDays), x.t.Raises)).ToList();
    }

    /// <summary>
    /// The user's deadlines as iCalendar, one all-day event per task on its due day. The address carries a secret
    /// per user instead of a sign-in (calendar apps can't sign in); resetting it cuts off old subscriptions. Only
    /// the pupil's initials go into the feed, since calendars are synced to other services.
    /// </summary>
    private static async Task<IResult> Feed(string userId, string secret, UserManager<StaffUser> users, SignInManager<StaffUser> signIn,
        HttpContext http, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.CalendarSecret.Length == 0
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user.CalendarSecret), Encoding.UTF8.GetBytes(secret)))
        {
            http.RequestServices.GetRequiredService<AuditLog>().Record(http, AuditActions.Rejected, "calendar", userId, null, null, 404);
            throw new NotFoundException("There is no such calendar.");
        }
        http.User = await signIn.CreateUserPrincipalAsync(user);
        var items = await InboxAsync(db, scope, time, null, null, null, null, 1000, ct);
        scope.Audit(AuditActions.Read, "calendar", userId, null, null);
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", "SendWorkflow deadlines");
        var stamp = new CalDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var item in items)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{item.TaskId}@sendworkflow",
                DtStamp = stamp,
                Start = new CalDateTime(item.DueOn.Year, item.DueOn.Month, item.DueOn.Day),
                Summary = $"{item.Title} ({Initials(item.PupilName)})",
                Description = $"Due {UkTime.Format(item.DueOn)}. Open the task in SendWorkflow.",
            });
        }
        return Results.Text(new CalendarSerializer().SerializeToString(calendar) ?? "", "text/calendar; charset=utf-8");
    }

    private static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0])));
}

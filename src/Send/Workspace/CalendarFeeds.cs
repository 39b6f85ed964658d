using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace SendWorkflow.Send.Workspace;

/// <summary>
/// Each member of staff's deadlines as an iCalendar feed that Outlook or Google Calendar can subscribe to. The address
/// carries a secret per user instead of a sign-in (calendar apps can't sign in); resetting it cuts off old
/// subscriptions. Only the pupil's initials go into the feed, since calendars are synced to other services.
/// </summary>
public sealed class CalendarFeeds(IDbContextFactory<SendWorkflowDbContext> factory, Inbox inbox, AccessGuard guard, TimeProvider time)
{
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>The feed's address relative to the site, or null for a caller without an account (the bootstrap token).</summary>
    public async Task<string?> PathAsync(Caller caller, CancellationToken ct) =>
        await StaffAsync(caller, ct) is { } staff ? PathOf(staff) : null;

    /// <summary>A new secret: calendars subscribed to the old address stop receiving deadlines.</summary>
    public async Task<string> ResetAsync(Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var id = caller.UserId;
        var staff = id is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (staff is null) throw new ForbiddenException("Only a member of staff with an account has a calendar feed.");
        staff.CalendarSecret = NewSecret();
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("calendar", id, null, null)));
        await db.SaveChangesAsync(ct);
        return PathOf(staff);
    }

    /// <summary>The member of staff whose feed the address is, if its secret is right (compared in constant time).</summary>
    public async Task<StaffUser?> FindAsync(string userId, string secret, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var staff = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return staff is not null && staff.CalendarSecret.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(staff.CalendarSecret), Encoding.UTF8.GetBytes(secret))
            ? staff
            : null;
    }

    /// <summary>The caller's open tasks as iCalendar, one all-day event per task on its due day.</summary>
    public async Task<string> WriteAsync(Caller caller, CancellationToken ct)
    {
        var items = await inbox.ListAsync(caller, new InboxFilter(Take: 1000), ct);
        await guard.AuditAsync(caller, AuditActions.Read, "calendar", caller.UserId, null, null);
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
                Summary = SchoolSubject.Is(item.PupilId) ? $"{item.Title} (the school's programme)" : $"{item.Title} ({Initials(item.PupilName)})",
                Description = $"Due {UkTime.Format(item.DueOn)}. Open the task in SendWorkflow.",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private async Task<StaffUser?> StaffAsync(Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return caller.UserId is { } id ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) : null;
    }

    private static string PathOf(StaffUser staff) => $"api/calendar/{staff.Id}/{staff.CalendarSecret}.ics";

    private static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0])));
}

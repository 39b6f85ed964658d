using System.Globalization;
using Microsoft.Extensions.Logging;
using SendWorkflow.Send.Calendars;

namespace SendWorkflow.Send.Reminders;

/// <summary>What a round of reminder emails sent.</summary>
public sealed record ReminderResult(int Digests, int Escalations, int Failed)
{
    public static readonly ReminderResult None = new(0, 0, 0);
}

/// <summary>
/// The reminder emails, after each daily round (<see cref="Clock.DailyRound"/>): the news of every escalation made since
/// yesterday to whoever it is for, and from 07:00 UK time on a school day (the term calendar of their school's borough)
/// each person's morning digest, unless they turned it off, they have nothing to hear of, or it went already. Everything is
/// read first; then the emails go one by one over SMTP, each recorded (with its audit entry) as soon as the server took it,
/// in a short write of its own: no transaction is open while the server is talking, a crash between two emails leaves only
/// the unsent ones for the next run, and a restart never sends a day's digest twice. Nothing at all when email is off.
/// </summary>
public sealed class ReminderEmails(IDbContextFactory<SendWorkflowDbContext> factory, EmailOptions options, SmtpMailer mailer, MorningDigests digests,
    EscalationNotices escalations, CalendarRegistry calendars, AuditLog audit, TimeProvider time, ILogger<ReminderEmails> logger) : IDisposable
{
    /// <summary>When the morning digest goes, UK time: with the daily round.</summary>
    public static readonly TimeOnly DigestTime = new(7, 0);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _retry;

    public bool Enabled => options.Enabled;

    /// <summary>Whether the last run left emails that trying again may send (the SMTP server was down, or said "later").</summary>
    public bool ShouldRetry => _retry;

    public void Dispose() => _gate.Dispose();

    public async Task<ReminderResult> SendAsync(DateOnly today, CancellationToken ct)
    {
        if (!options.Enabled) return ReminderResult.None;
        await _gate.WaitAsync(ct);
        var outgoing = new List<OutgoingEmail>();
        try
        {
            var now = time.GetUtcNow();
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                var staff = await StaffRecipient.AllAsync(db, ct);
                // One email per person for the escalations of a round, however many there are.
                foreach (var group in (await escalations.PendingAsync(db, staff, today, ct)).GroupBy(p => p.To))
                {
                    var notices = group.Select(p => p.About).ToList();
                    outgoing.Add(new OutgoingEmail(SentReminder.Escalation, group.Key,
                        notices.Select(n => new EmailAbout(n.Task.TaskId.ToString(), n.PupilId, n.SchoolId)).ToList(),
                        ReminderMessages.Escalations(options, group.Key, notices, now)));
                }
                if (now >= At(today)) outgoing.AddRange(await DigestsAsync(db, staff, today, now, ct));
            }
            var digestsSent = 0;
            var run = await mailer.SendAsync(outgoing, async email =>
            {
                await RecordAsync(email, ct);
                if (email.Kind == SentReminder.Digest) digestsSent++;
            }, ct);
            _retry = run.Retry;
            var result = new ReminderResult(digestsSent, run.Sent - digestsSent, run.Failed);
            if (outgoing.Count > 0)
            {
                logger.LogInformation("Reminder emails: {Digests} digests and {Escalations} escalation emails sent, {Failed} not sent",
                    result.Digests, result.Escalations, result.Failed);
            }
            return result;
        }
        finally
        {
            _gate.Release();
            foreach (var email in outgoing) email.Message.Dispose();
        }
    }

    /// <summary>07:00 UK time on the day, as an instant.</summary>
    public static DateTimeOffset At(DateOnly day)
    {
        var local = day.ToDateTime(DigestTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, UkTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<List<OutgoingEmail>> DigestsAsync(SendWorkflowDbContext db, List<StaffRecipient> staff, DateOnly today,
        DateTimeOffset now, CancellationToken ct)
    {
        var key = Key(today);
        var sent = (await db.SentReminders.AsNoTracking().Where(s => s.Kind == SentReminder.Digest && s.Key == key).Select(s => s.UserId)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var boroughOfSchool = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.BoroughId, ct);
        var emails = new List<OutgoingEmail>();
        foreach (var who in staff.Where(s => !s.DigestOff && s.Role != StaffRoles.Administrator && !sent.Contains(s.Id)))
        {
            // The term calendar of their borough: an LA officer's or an EP's own, school staff's their school's.
            var borough = StaffRoles.BoroughStaff.Contains(who.Role) ? who.BoroughId
                : who.SchoolId is { } school ? boroughOfSchool.GetValueOrDefault(school) : null;
            if (borough is null || !IsSchoolDay(borough, today)) continue;
            var last = await db.SentReminders.AsNoTracking().Where(s => s.UserId == who.Id && s.Kind == SentReminder.Digest)
                .OrderByDescending(s => s.Key).Select(s => (DateTime?)s.SentAt).FirstOrDefaultAsync(ct);
            var digest = await digests.ForAsync(db, who, today, last ?? now.UtcDateTime.AddDays(-1), ct);
            if (!digest.IsEmpty)
            {
                emails.Add(new OutgoingEmail(SentReminder.Digest, who, [new EmailAbout(key, null, who.SchoolId)],
                    ReminderMessages.Digest(options, who, digest, now)));
            }
        }
        return emails;
    }

    private bool IsSchoolDay(string boroughId, DateOnly day)
    {
        try
        {
            var calendar = calendars.ForBorough(boroughId);
            return calendar.Covers(day) && calendar.IsSchoolDay(day);
        }
        catch (SchoolCalendarException)
        {
            return false;
        }
    }

    private async Task RecordAsync(OutgoingEmail email, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var at = time.GetUtcNow().UtcDateTime;
        var user = email.To.Caller.User;
        foreach (var about in email.About)
        {
            db.SentReminders.Add(new SentReminder
            {
                Id = Guid.CreateVersion7(), Kind = email.Kind, UserId = email.To.Id, Key = about.Key, SentAt = at,
            });
            db.Audit.Add(audit.Entry(user, new AuditRequest("SMTP", $"/reminders/{email.Kind}", null), AuditActions.Read,
                new AuditSubject($"{email.Kind}-email", about.Key, about.PupilId, about.SchoolId), 200));
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

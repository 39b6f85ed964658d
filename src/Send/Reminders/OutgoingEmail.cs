using MimeKit;

namespace SendWorkflow.Send.Reminders;

/// <summary>
/// An email ready to go to one member of staff, and what is recorded once the SMTP server has taken it: what kind it is
/// (<see cref="SentReminder.Digest"/> or <see cref="SentReminder.Escalation"/>) and what it tells of (<see cref="About"/>).
/// </summary>
public sealed record OutgoingEmail(string Kind, StaffRecipient To, IReadOnlyList<EmailAbout> About, MimeMessage Message);

/// <summary>One thing an email tells of (the day of a digest, an escalation task), with the pupil and school for the audit log.</summary>
public sealed record EmailAbout(string Key, string? PupilId, string? SchoolId);

/// <summary>How a batch went: sent, not sent, and whether trying again later may help (the server was down or said "later").</summary>
public sealed record MailRun(int Sent, int Failed, bool Retry)
{
    public static readonly MailRun None = new(0, 0, false);
}

namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// An email that went to a member of staff: a morning digest (one per person per UK day) or the news of an escalation (one
/// per person per escalation task). Written right after the SMTP server took the message, so a restart sends only what
/// was not sent yet; and the last digest's time is where "newly assigned since your last digest" starts.
/// </summary>
public sealed class SentReminder
{
    public const string Digest = "digest";
    public const string Escalation = "escalation";

    public Guid Id { get; set; }
    /// <summary><see cref="Digest"/> or <see cref="Escalation"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The account it went to.</summary>
    public string UserId { get; set; } = "";
    /// <summary>What it was about: the UK day of a digest (yyyy-MM-dd), the escalation task's id.</summary>
    public string Key { get; set; } = "";
    public DateTime SentAt { get; set; }
}

using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;

namespace SendWorkflow.Send.Reminders;

/// <summary>
/// The words of the emails, as plain text and HTML: counts, due dates as the UK writes them, pupils' initials and links into
/// the Studio (the inbox, each task). Never a pupil's name, notes, needs or anything else of their record: an email leaves
/// the service's care. Each message has a Message-Id made from what it is about, so a mail system can tell a resent one.
/// </summary>
public static class ReminderMessages
{
    /// <summary>Lines listed per part of a digest; the rest are counted and left to the inbox.</summary>
    public const int MaxLines = 20;

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static MimeMessage Digest(EmailOptions options, StaffRecipient to, Digest digest, DateTimeOffset now)
    {
        var day = digest.Day.ToString("dddd d MMMM yyyy", Uk);
        var counts = new (string Title, string Count, IReadOnlyList<ReminderTask> Tasks)[]
        {
            ("Overdue", $"{digest.Overdue.Count} overdue", digest.Overdue),
            ($"Due in the next {MorningDigests.DueSoonDays} days", $"{digest.DueSoon.Count} due in the next {MorningDigests.DueSoonDays} days",
                digest.DueSoon),
            ("Assigned to you since your last digest", $"{digest.NewlyAssigned.Count} assigned to you since your last digest",
                digest.NewlyAssigned),
        };
        var subject = $"Your tasks for {day}: {digest.Overdue.Count} overdue, {digest.DueSoon.Count} due soon, "
            + $"{digest.NewlyAssigned.Count} newly assigned";
        var text = new StringBuilder();
        var html = new StringBuilder();
        Line(text, html, $"Good morning {to.DisplayName},");
        Line(text, html, $"Your work in SendWorkflow on {day}:");
        text.AppendLine(string.Join(Environment.NewLine, counts.Select(c => "  " + c.Count))).AppendLine();
        html.Append("<ul>").Append(string.Concat(counts.Select(c => $"<li>{Html(c.Count)}</li>"))).Append("</ul>");
        foreach (var (title, _, tasks) in counts.Where(c => c.Tasks.Count > 0))
        {
            text.AppendLine(title);
            html.Append("<h3>").Append(Html(title)).Append("</h3><ul>");
            foreach (var task in tasks.Take(MaxLines)) TaskLine(options, text, html, task, $"due {UkTime.Format(task.DueOn)}");
            if (tasks.Count > MaxLines)
            {
                var more = $"and {tasks.Count - MaxLines} more in your inbox";
                text.Append("  ").AppendLine(more);
                html.Append("<li>").Append(Html(more)).Append("</li>");
            }
            text.AppendLine();
            html.Append("</ul>");
        }
        Footer(options, text, html, "You get this email at 07:00 on school days. To stop it, turn off \"Morning digest\" on your "
            + $"account page: {options.StudioBase}/account");
        return Message(options, to, subject, text, html, $"digest.{digest.Day:yyyy-MM-dd}.{to.Id}", now);
    }

    /// <summary>The escalations of a round that are for one person, in one email.</summary>
    public static MimeMessage Escalations(EmailOptions options, StaffRecipient to, IReadOnlyList<EscalationNotice> notices, DateTimeOffset now)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        Line(text, html, $"Hello {to.DisplayName},");
        Line(text, html, notices.Count == 1
            ? $"A task has gone overdue, and the deadline round has escalated it to you ({notices[0].Role}):"
            : $"{notices.Count} tasks have gone overdue, and the deadline round has escalated them to you:");
        html.Append("<ul>");
        foreach (var notice in notices) TaskLine(options, text, html, notice.Task, $"the escalation is due {UkTime.Format(notice.Task.DueOn)}");
        html.Append("</ul>");
        text.AppendLine();
        Footer(options, text, html, "You get an email like this whenever a task is escalated to you, whether or not you take the morning digest.");
        var subject = notices.Count == 1 ? $"Escalated to you: {notices[0].Task.Title}" : $"Escalated to you: {notices.Count} overdue tasks";
        return Message(options, to, subject, text, html, $"escalation.{notices[0].Task.TaskId}.{to.Id}", now);
    }

    /// <summary>The task's address in the Studio.</summary>
    public static string TaskLink(EmailOptions options, Guid taskId) => $"{options.StudioBase}/inbox?task={taskId}";

    private static void TaskLine(EmailOptions options, StringBuilder text, StringBuilder html, ReminderTask task, string when)
    {
        var link = TaskLink(options, task.TaskId);
        text.Append("  - ").Append(task.Title).Append(" for ").Append(task.Whose).Append(", ").AppendLine(when);
        text.Append("    ").AppendLine(link);
        html.Append("<li><a href=\"").Append(Html(link)).Append("\">").Append(Html(task.Title)).Append("</a> for ")
            .Append(Html(task.Whose)).Append(", ").Append(Html(when)).Append("</li>");
    }

    private static void Footer(EmailOptions options, StringBuilder text, StringBuilder html, string why)
    {
        Line(text, html, $"Open your inbox: {options.StudioBase}/inbox");
        Line(text, html, "Pupils are named by their initials only: open the Studio to see who they are.");
        Line(text, html, why);
    }

    private static void Line(StringBuilder text, StringBuilder html, string line)
    {
        text.AppendLine(line).AppendLine();
        html.Append("<p>").Append(Html(line)).Append("</p>");
    }

    private static MimeMessage Message(EmailOptions options, StaffRecipient to, string subject, StringBuilder text, StringBuilder html,
        string id, DateTimeOffset now)
    {
        var from = MailboxAddress.Parse(options.From ?? "");
        var message = new MimeMessage { Subject = subject, Date = TimeZoneInfo.ConvertTime(now, UkTime.Zone) };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(to.DisplayName, to.Email));
        message.MessageId = $"{id}@{from.Domain}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder
        {
            TextBody = text.ToString(),
            HtmlBody = $"<!DOCTYPE html><html><body style=\"font-family: sans-serif\">{html}</body></html>",
        }.ToMessageBody();
        return message;
    }

    private static string Html(string value) => WebUtility.HtmlEncode(value);
}

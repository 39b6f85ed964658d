using SendWorkflow.Send.Documents;

namespace SendWorkflow.Send.ParentMeetings;

/// <summary>
/// The letter the parents are given after a meeting (SEND Code of Practice 6.65: "a record of the outcomes, action and
/// support agreed"): the school, the day, the child by first name only, who attended, what was agreed, the next steps and
/// the SENCo. The child's surname stays out: the letter may be left on a table at home or forwarded.
/// </summary>
public static class ParentMeetingLetter
{
    private const string NotRecorded = "Not recorded.";

    public static SchoolDocument For(string schoolName, string pupilName, ParentMeetingRecord meeting, string? sencoName)
    {
        var child = FirstName(pupilName);
        var day = UkTime.Format(meeting.On);
        return new SchoolDocument(schoolName, $"Our meeting about {child}", meeting.On)
            .Paragraph($"Dear parent or carer of {child},")
            .Paragraph($"Thank you for meeting us on {day} to talk about how {child} is getting on and the support in place at school. "
                + "This letter is the record of what we agreed; we meet every term to review it together.")
            .Table(["Meeting", ""], [["Date", day], ["Who attended", meeting.Attendees ?? NotRecorded]])
            .Heading("What we agreed")
            .Paragraph(meeting.Agreed ?? NotRecorded)
            .Heading("Next steps")
            .Paragraph(meeting.NextSteps ?? NotRecorded)
            .Paragraph("If anything here is not as you remember it, or you would like to talk again before our next meeting, please "
                + "contact the school office.")
            .Paragraph(sencoName is { } name
                ? $"Yours sincerely,\n\n{name}\nSpecial educational needs co-ordinator (SENCo)"
                : "Yours sincerely,\n\nThe special educational needs co-ordinator (SENCo)");
    }

    /// <summary>The pupil's first name: the first word of their name as the school records it ("First Last").</summary>
    public static string FirstName(string name) =>
        name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "your child";
}

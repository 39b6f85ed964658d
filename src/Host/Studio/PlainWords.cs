using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Studio;

/// <summary>The words a SENCo reads on the page for ids and settings of a definition.</summary>
public static class PlainWords
{
    public static string Timeframe(When when, WorkflowDefinition d)
    {
        var words = SchoolTime.Describe(when, d);
        return when.CountsFromStart() ? $"{words} from the start" : words;
    }

    /// <summary>"senco" is "SENCo", "class-teacher" is "Class teacher".</summary>
    public static string Role(string role) => role switch
    {
        "senco" => "SENCo",
        "sen-ta" => "SEN TA",
        "la-officer" => "LA officer",
        "" => "",
        _ => char.ToUpperInvariant(role[0]) + role[1..].Replace('-', ' '),
    };

    public static string Event(string name) => name switch
    {
        "review.completed" => "a review is completed",
        "review.due" => "a review falls due",
        "concern.raised" => "a further concern is raised",
        "assessment.requested" => "an assessment is requested",
        "assessment.decided" => "the LA decides on assessment",
        "plan.issued" => "an EHC plan is issued",
        "plan.refused" => "the LA refuses a plan",
        "plan.ceased" => "the EHC plan ends",
        "" => "(no event chosen)",
        _ => name.Replace('.', ' ').Replace('-', ' '),
    };

    /// <summary>The arrow's words: the SENCo's own label, or what makes the pupil move.</summary>
    public static string Arrow(TransitionDefinition t)
    {
        if (!string.IsNullOrWhiteSpace(t.Label)) return t.Label;
        var when = $"When {Event(t.On)}";
        return t.Rule is { Name.Length: > 0 } rule ? $"{when} and {Words(rule.Name)}" : when;
    }

    /// <summary>"NoOrLittleProgress" reads "no or little progress".</summary>
    public static string Words(string pascal)
    {
        var chars = new System.Text.StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && chars.Length > 0) chars.Append(' ');
            chars.Append(char.ToLowerInvariant(c));
        }
        return chars.ToString();
    }

    public static string Unit(string unit) => unit switch
    {
        Units.Days => "days",
        Units.Weeks => "weeks",
        Units.Months => "months",
        Units.SchoolDays => "school days",
        Units.SchoolWeeks => "school weeks",
        Units.HalfTerms => "half terms",
        Units.Terms => "terms",
        Units.Number => "a number",
        _ => unit,
    };
}

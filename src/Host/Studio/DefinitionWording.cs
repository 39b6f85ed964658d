using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Studio;

/// <summary>The words a SENCo reads on the page for ids and settings of a definition.</summary>
public static class DefinitionWording
{
    /// <summary>"6 school weeks", "6 school weeks from the start", "by the end of the autumn term".</summary>
    public static string Timeframe(When when, WorkflowDefinition d)
    {
        var words = SchoolTime.Describe(when, d);
        if (when.EndOfTerm is not null) return $"by {words}";
        return when.CountsFromStart() ? $"{words} from the start" : words;
    }

    /// <summary>"senco" is "SENCo", "class-teacher" is "Class teacher".</summary>
    public static string Role(string role) => role switch
    {
        "senco" => "SENCo",
        "sen-ta" => "SEN TA",
        "sen-governor" => "SEN governor",
        "la-officer" => "LA officer",
        "" => "",
        _ => char.ToUpperInvariant(role[0]) + role[1..].Replace('-', ' '),
    };

    /// <summary>How the event finishes "When ...": the definition's own words for it, else its name in words.</summary>
    public static string Event(string name, WorkflowDefinition d) =>
        d.Events.GetValueOrDefault(name)?.When is { Length: > 0 } words ? words
        : name.Length == 0 ? "(no event chosen)"
        : name.Replace('.', ' ').Replace('-', ' ');

    /// <summary>The arrow's words: the SENCo's own label, or what makes the pupil move.</summary>
    public static string Arrow(TransitionDefinition t, WorkflowDefinition d)
    {
        if (!string.IsNullOrWhiteSpace(t.Label)) return t.Label;
        var when = $"When {Event(t.On, d)}";
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

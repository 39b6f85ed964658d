using SendWorkflow.Rules;

namespace SendWorkflow.Send.Cases;

/// <summary>Says an explanation in a SENCo's words: "To move on to Initial concern when a review is completed: ...".</summary>
internal static class ExplanationWords
{
    private static readonly Dictionary<string, string> Facts = new(StringComparer.Ordinal)
    {
        [nameof(Rules.Facts.SchoolWeeksInStage)] = "school weeks in this stage",
        [nameof(Rules.Facts.SchoolDaysInStage)] = "school days in this stage",
        [nameof(Rules.Facts.WeeksInStage)] = "weeks in this stage",
        [nameof(Rules.Facts.DaysInStage)] = "days in this stage",
        [nameof(Rules.Facts.TermsInStage)] = "terms in this stage",
        [nameof(Rules.Facts.HalfTermsInStage)] = "half terms in this stage",
        [nameof(Rules.Facts.LastProgress)] = "the last review's progress",
        [nameof(Rules.Facts.ReviewsInStage)] = "reviews in this stage",
        [nameof(Rules.Facts.ReviewsWithoutProgress)] = "reviews with no or little progress in this stage",
        [nameof(Rules.Facts.YearGroup)] = "the year group",
        [nameof(Rules.Facts.LookedAfter)] = "whether the pupil is looked after",
        [nameof(Rules.Facts.EnteredBy)] = "how this stage began",
        [nameof(Rules.Facts.Stage)] = "the stage",
    };

    public static string Sentence(string to, string when, RuleExplanation why)
    {
        var conditions = why.Conditions.Select(Condition).ToList();
        var head = $"To move on to {to} when {when}";
        if (conditions.Count == 0) return $"{head}: nothing else is needed.";
        var verdict = why.Holds ? " All of this holds now." : "";
        return $"{head}: {string.Join("; ", conditions)}.{verdict}";
    }

    private static string Condition(ConditionExplanation c)
    {
        if (c.ReadsEventData)
        {
            return c.Subject is { } field && c.Needs is { } needed
                ? $"what is recorded with it must give {field} {Needs(c.Operator, needed)}"
                : $"what is recorded with it must meet {c.Text}";
        }
        var state = c.Holds ? "met" : "not yet";
        if (c.Subject is { } subject && c.Value is { } value && Facts.TryGetValue(subject, out var label))
            return $"{label} must be {Needs(c.Operator, c.Needs)}: {value} now ({state})";
        var reads = c.Reads.Count == 0 ? "" : $" ({string.Join(", ", c.Reads.Select(r => $"{Label(r.Name)} is {r.Value}"))})";
        return $"{c.Text}{reads} ({state})";
    }

    private static string Label(string name) => Facts.TryGetValue(name, out var label) ? label : name;

    private static string Needs(string? op, string? needs) => op switch
    {
        ">=" => $"at least {needs}",
        ">" => $"more than {needs}",
        "<=" => $"at most {needs}",
        "<" => $"less than {needs}",
        "!=" => $"other than {needs}",
        ConditionExplanation.OneOf => needs ?? "",
        _ => needs ?? "",
    };
}

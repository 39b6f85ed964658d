using System.Globalization;
using SendWorkflow.Rules;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Studio;

/// <summary>One name a rule can read, offered in the rule editor: the text that goes in, and what it means in words.</summary>
public sealed record RuleSuggestion(string Text, string Hint);

/// <summary>
/// The names a rule can read, offered as the SENCo types: the facts, the definition's findings and parameters, the reviews
/// and their fields, the progress levels and the data the arrow's event records. Only offers names: whether the rule
/// makes sense is still the rule checker's answer.
/// </summary>
public static class RuleSuggestions
{
    public const int Shown = 8;

    private static readonly Dictionary<string, string> FactHints = new(StringComparer.Ordinal)
    {
        [nameof(Facts.Event)] = "the event being recorded",
        [nameof(Facts.State)] = "the state the pupil is in (its id)",
        [nameof(Facts.Stage)] = "the stage number",
        [nameof(Facts.DaysInStage)] = "days in this stage",
        [nameof(Facts.WeeksInStage)] = "weeks in this stage",
        [nameof(Facts.SchoolDaysInStage)] = "school days in this stage",
        [nameof(Facts.SchoolWeeksInStage)] = "school weeks in this stage",
        [nameof(Facts.HalfTermsInStage)] = "half terms in this stage",
        [nameof(Facts.TermsInStage)] = "terms in this stage",
        [nameof(Facts.LastProgress)] = "the last review's progress",
        [nameof(Facts.ReviewsInStage)] = "reviews in this stage",
        [nameof(Facts.ReviewsWithoutProgress)] = "reviews with no or little progress in this stage",
        [nameof(Facts.EnteredBy)] = "how this stage began: start, escalation, step-down, request or transition",
        [nameof(Facts.EnteredVia)] = "the arrow that led into this stage (its id)",
        [nameof(Facts.YearGroup)] = "the pupil's year group",
        [nameof(Facts.LookedAfter)] = "whether the pupil is looked after (in care)",
        [nameof(Facts.Transfer)] = "the pupil's move at the end of this school year: \"next-phase\", \"post-16\" or \"\"",
    };

    private static readonly Dictionary<string, string> ReviewHints = new(StringComparer.Ordinal)
    {
        [nameof(Review.Progress)] = "a review's progress",
        [nameof(Review.WithoutProgress)] = "a review with no or little progress",
        [nameof(Review.DaysAgo)] = "days since a review",
        [nameof(Review.SchoolWeeksAgo)] = "school weeks since a review",
        [nameof(Review.TermsAgo)] = "terms since a review (0 for this term)",
        [nameof(Review.State)] = "the state a review was recorded in",
        [nameof(Review.InThisStage)] = "a review recorded in this stage",
    };

    /// <summary>Every name a rule of this definition can read; a finding's own rule reads no findings and no event data.</summary>
    public static IReadOnlyList<RuleSuggestion> All(WorkflowDefinition definition, string? eventName, bool isFinding)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var all = new List<RuleSuggestion>();
        all.AddRange(typeof(Facts).GetProperties().Select(p =>
            new RuleSuggestion($"facts.{p.Name}", FactHints.GetValueOrDefault(p.Name, "about the pupil"))));
        all.AddRange(definition.Parameters.Where(p => DefinitionValidator.ParameterValues(definition).ContainsKey(p.Key))
            .Select(p => new RuleSuggestion($"params.{p.Key}", ParameterHint(p.Value))));
        if (!isFinding)
        {
            all.AddRange(definition.Findings.Where(f => Finding.PropertyName(f.Key).Length > 0)
                .Select(f => new RuleSuggestion($"findings.{Finding.PropertyName(f.Key)}", $"finding: {f.Value.Label ?? f.Key}")));
        }
        all.Add(new RuleSuggestion("reviews.Count(r => r.WithoutProgress)", "how many reviews had no or little progress"));
        all.Add(new RuleSuggestion("reviews.Count(r => r.InThisStage)", "how many reviews were in this stage"));
        all.Add(new RuleSuggestion("reviews.Any(r => r.WithoutProgress)", "whether any review had no or little progress"));
        all.AddRange(typeof(Review).GetProperties().Select(p =>
            new RuleSuggestion($"r.{p.Name}", $"in reviews.Count(r => ...): {ReviewHints.GetValueOrDefault(p.Name, "about a review")}")));
        all.AddRange(Enum.GetNames<Progress>().Where(n => n != nameof(Progress.Unknown))
            .Select(n => new RuleSuggestion($"Progress.{n}", $"progress: {n.ToLowerInvariant()}")));
        if (!isFinding && eventName is not null && definition.Events.TryGetValue(eventName, out var e))
        {
            all.AddRange(e.Data.Select(f => new RuleSuggestion(DataReader(f.Key, f.Value), DataHint(eventName, f.Value))));
        }
        return all;
    }

    /// <summary>The name being typed: the letters, digits, dots and underscores just before the caret.</summary>
    public static string WordAt(string? text, int caret)
    {
        text ??= "";
        caret = Math.Clamp(caret, 0, text.Length);
        var start = caret;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '_')) start--;
        return text[start..caret];
    }

    /// <summary>
    /// The names that fit what is being typed, those starting with it first: "School" offers facts.SchoolWeeksInStage,
    /// "params.early" offers params.earlyInterventionWeeks. Nothing for a number or a name already typed in full.
    /// </summary>
    public static IReadOnlyList<RuleSuggestion> Matching(IReadOnlyList<RuleSuggestion> all, string word)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (word.Length == 0 || char.IsDigit(word[0]) || all.Any(s => s.Text == word)) return [];
        var dot = word.LastIndexOf('.');
        var (prefix, part) = dot < 0 ? ("", word) : (word[..(dot + 1)], word[(dot + 1)..]);
        var starting = all.Where(s => s.Text.StartsWith(word, StringComparison.OrdinalIgnoreCase));
        var naming = all.Where(s => s.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && Member(s.Text).Contains(part, StringComparison.OrdinalIgnoreCase));
        return starting.Concat(naming).Distinct().Take(Shown).ToList();
    }

    /// <summary>The text with the name being typed at the caret replaced by the suggestion, and where the caret goes.</summary>
    public static (string Text, int Caret) Insert(string? text, int caret, RuleSuggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        text ??= "";
        caret = Math.Clamp(caret, 0, text.Length);
        var start = caret - WordAt(text, caret).Length;
        return (text[..start] + suggestion.Text + text[caret..], start + suggestion.Text.Length);
    }

    // The part after the root: "SchoolWeeksInStage" of facts.SchoolWeeksInStage, "Text(\"by\")" of data.Text("by").
    private static string Member(string text) => text.IndexOf('.', StringComparison.Ordinal) is var i and >= 0 ? text[(i + 1)..] : text;

    private static string DataReader(string name, FieldDefinition field) => field.Type switch
    {
        "number" => $"data.Number(\"{name}\")",
        "flag" => $"data.Flag(\"{name}\")",
        _ => $"data.Text(\"{name}\")",
    };

    private static string DataHint(string eventName, FieldDefinition field)
    {
        var values = field.Enum is { Count: > 0 } e ? $": {string.Join(", ", e)}" : "";
        var type = field.Type switch { "number" => "a number", "flag" => "yes or no", "date" => "a date", _ => "text" };
        return $"recorded with {eventName}, {type}{values}";
    }

    private static string ParameterHint(ParameterDefinition p)
    {
        var value = p.Default?.ToString(CultureInfo.InvariantCulture) ?? "0";
        var unit = p.Unit == Units.Number ? "" : $" {DefinitionWording.Unit(p.Unit)}";
        return $"parameter: {value}{unit}";
    }
}

using System.Globalization;

namespace SendWorkflow.Send.ParentLinks;

/// <summary>One box of a parent's form, in the words a parent reads ("{child}" stands for the child's first name).</summary>
public sealed record ParentField(string Name, string Label, string Hint, bool Required, int MaxLength);

/// <summary>
/// The forms a parent's link may ask, and their checks. The parent voice asks the parents' views (needed), their comments
/// on their child's targets and when they could meet (both optional). It shows nothing of the record: the targets
/// themselves stay with the school. Its answer is kept under the field names staff record the parent voice with
/// (<c>parentViews</c>), so whatever reads the parent voice reads it whoever typed it.
/// </summary>
public static class ParentForms
{
    public const string ParentVoice = "parent-voice";

    /// <summary>The forms a link may ask.</summary>
    public static readonly IReadOnlyList<string> Names = [ParentVoice];

    /// <summary>Where the answer says which link brought it (kept with the answer in the journal).</summary>
    public const string LinkField = "parentLink";

    public static readonly IReadOnlyList<ParentField> ParentVoiceFields =
    [
        new("parentViews", "Your views", "How is {child} getting on at school and at home? What would you like the school to know?",
            true, 4000),
        new("targetComments", "Your comments on {child}'s targets (optional)",
            "Anything about the targets the school has shared with you: what is working, what is hard.", false, 4000),
        new("canMeet", "When could you meet us? (optional)", "For example: Tuesdays or Thursdays after 3pm.", false, 500),
    ];

    /// <summary>The boxes of the form, with the child's first name in the words.</summary>
    public static IReadOnlyList<ParentField> Fields(string firstName) =>
        ParentVoiceFields.Select(f => f with { Label = f.Label.Replace("{child}", firstName, StringComparison.Ordinal),
            Hint = f.Hint.Replace("{child}", firstName, StringComparison.Ordinal) }).ToList();

    /// <summary>Every problem with the answer, in plain words beside the box it is about.</summary>
    public static IReadOnlyList<Problem> Check(ParentAnswer answer)
    {
        var problems = new List<Problem>();
        foreach (var field in ParentVoiceFields)
        {
            var value = ValueOf(answer, field.Name);
            var label = field.Label.Replace("{child}'s", "your child's", StringComparison.Ordinal)
                .Replace(" (optional)", "", StringComparison.Ordinal);
            if (field.Required && string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new Problem($"Please fill in '{label}'.", field.Name));
            }
            else if (value is not null && value.Length > field.MaxLength)
            {
                problems.Add(new Problem(string.Create(CultureInfo.GetCultureInfo("en-GB"),
                    $"'{label}' can be at most {field.MaxLength:N0} characters; this is {value.Length:N0}. Please shorten it."), field.Name));
            }
            else if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
            {
                problems.Add(new Problem($"'{label}' has characters that can't be kept; please type it as plain text.", field.Name));
            }
        }
        return problems;
    }

    /// <summary>The answer with its boxes trimmed; a blank box is no answer.</summary>
    public static ParentAnswer Tidy(ParentAnswer answer) => new(Tidy(answer.ParentViews), Tidy(answer.TargetComments), Tidy(answer.CanMeet));

    /// <summary>The answer as the journal keeps it: the boxes filled in, and the link that brought it.</summary>
    public static Dictionary<string, string> Recorded(ParentAnswer answer, Guid linkId)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in ParentVoiceFields)
        {
            if (ValueOf(answer, field.Name) is { } value) form[field.Name] = value;
        }
        form[LinkField] = linkId.ToString();
        return form;
    }

    /// <summary>The answer back from what the journal kept.</summary>
    public static ParentAnswer FromRecorded(IReadOnlyDictionary<string, string> form) =>
        new(form.GetValueOrDefault("parentViews"), form.GetValueOrDefault("targetComments"), form.GetValueOrDefault("canMeet"));

    private static string? ValueOf(ParentAnswer answer, string field) => field switch
    {
        "parentViews" => answer.ParentViews,
        "targetComments" => answer.TargetComments,
        "canMeet" => answer.CanMeet,
        _ => null,
    };

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

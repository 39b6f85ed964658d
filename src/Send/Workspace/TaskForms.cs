using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
namespace SendWorkflow.Send.Workspace;

/// <summary>One field of a task's form, as the inbox shows it.</summary>
public sealed record FormField(string Name, string Label, string Type, bool Required, IReadOnlyList<string>? Choices = null, int MaxLength = 4000);

/// <summary>
/// The form each kind of task has: a review records progress, notes and the next targets; a meeting who attended and
/// the notes; the initial concern template is completed with the parents; the pupil's and the parents' views; an
/// agency's advice. Anything else records notes.
/// </summary>
public static class TaskForms
{
    public static readonly IReadOnlyList<string> Progress = ["none", "little", "expected", "good"];

    public static IReadOnlyList<FormField> For(string kind, string definitionTaskId) => (kind, definitionTaskId) switch
    {
        ("review", _) =>
        [
            new("progress", "Progress since the last review", "choice", true, Progress),
            new("notes", "Notes", "text", false),
            new("nextTargets", "Next targets (one per line)", "lines", false),
        ],
        ("meeting", _) =>
        [
            new("attendees", "Who attended", "text", true, MaxLength: 1000),
            new("notes", "Meeting notes", "text", true),
        ],
        (_, "initial-concern-template") =>
        [
            new("concerns", "The concerns", "text", true),
            new("strengths", "The pupil's strengths", "text", false),
            new("parentsViews", "What the parents said (completed with them)", "text", true),
            new("agreedActions", "What was agreed", "text", true),
        ],
        (_, "pupil-voice") => [new("pupilViews", "The pupil's views, in their words", "text", true), new("notes", "Notes", "text", false)],
        (_, "parent-voice") => [new("parentViews", "The parents' views", "text", true), new("notes", "Notes", "text", false)],
        (_, "agency-assessments" or "return-advice") =>
        [
            new("agency", "Agency or professional", "text", true, MaxLength: 200),
            new("advice", "Their advice", "text", true),
        ],
        _ => [new("notes", "Notes", "text", false)],
    };

    /// <summary>Checks a submitted form against the task's fields; returns every problem.</summary>
    public static List<Problem> Check(string kind, string definitionTaskId, IReadOnlyDictionary<string, string>? form, string? outcome)
    {
        var fields = For(kind, definitionTaskId);
        var values = form ?? new Dictionary<string, string>();
        var problems = new List<Problem>();
        foreach (var name in values.Keys.Where(k => fields.All(f => f.Name != k)))
            problems.Add(new Problem($"This task's form has no field '{name}' (it has {string.Join(", ", fields.Select(f => f.Name))}).", $"form.{name}"));
        foreach (var f in fields)
        {
            var value = f.Name == "progress" ? outcome ?? values.GetValueOrDefault(f.Name) : values.GetValueOrDefault(f.Name);
            if (f.Required && string.IsNullOrWhiteSpace(value))
                problems.Add(new Problem($"'{f.Label}' is required.", $"form.{f.Name}"));
            else if (value is { } v && v.Length > f.MaxLength)
                problems.Add(new Problem($"'{f.Label}' must be at most {f.MaxLength} characters.", $"form.{f.Name}"));
            else if (value is { } c && f.Choices is { } choices && !choices.Contains(c))
                problems.Add(new Problem($"'{f.Label}' must be one of {string.Join(", ", choices)}.", $"form.{f.Name}"));
        }
        return problems;
    }
}

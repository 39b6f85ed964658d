namespace SendWorkflow.Send.Workspace;

/// <summary>One field of a task's form, as the inbox shows it.</summary>
public sealed record FormField(string Name, string Label, string Type, bool Required, IReadOnlyList<string>? Choices = null, int MaxLength = 4000);

/// <summary>
/// The forms a task can have: a review records progress, notes and the next targets; a meeting who attended and
/// the notes; the initial concern template is completed with the parents; the pupil's and the parents' views; an
/// agency's advice; a monitoring activity what was found, a rating and the follow-up actions for the action plan; a
/// meeting with parents who attended, what was agreed and the next steps, which become the parents' letter; the SENCo's
/// meetings with the teaching assistants who was met and what was discussed.
/// Anything else records notes.
/// </summary>
public static class TaskForms
{
    public static readonly IReadOnlyList<string> Progress = ["none", "little", "expected", "good"];

    /// <summary>How a monitoring activity rates what it found: the four ratings of the SENCo's CPD audit.</summary>
    public static readonly IReadOnlyList<string> Ratings = ["not yet", "developing", "secure", "outstanding"];

    /// <summary>The forms a definition's task may name (<c>"form"</c>); any other name shows notes.</summary>
    public static readonly IReadOnlyList<string> Names = ["review", "meeting", "initial-concern", "pupil-voice", "parent-voice", "agency-advice",
        "monitoring", "parent-meeting", "notes", GovernorMeeting, LineManagement, ReviewNotice];

    /// <summary>
    /// The notice of an EHC plan's annual review meeting, sent to the LA too: whether a major change in provision may be
    /// asked for (the answer is the task's outcome, which the definition reads), and notes.
    /// </summary>
    public const string ReviewNotice = "review-notice";

    /// <summary>The field of the review notice that is its outcome.</summary>
    public const string MajorChange = "majorChange";

    /// <summary>The form of a meeting with a pupil's parents (SEND Code of Practice 6.65): its record is the parents' letter.</summary>
    public const string ParentMeeting = "parent-meeting";

    /// <summary>The SENCo's termly meeting with the SEN governor: who was there, the minutes and the follow-up actions.</summary>
    public const string GovernorMeeting = "governor-meeting";

    /// <summary>The SENCo's fortnightly meetings with the teaching assistants: who was met (asked per assistant), notes, actions.</summary>
    public const string LineManagement = "line-management";

    /// <summary>The pathway's termly meeting with parents (its timer's task at SEN support).</summary>
    public const string ParentMeetingTask = "parent-meeting";

    /// <summary>The fields of the task's form: the one its definition names, or for a task created before tasks named
    /// their form, the one its kind and id gave it then.</summary>
    public static IReadOnlyList<FormField> For(WorkTask task) => Named(FormOf(task));

    /// <summary>The form's field whose answer is the task's outcome, besides a review's progress (none for most forms).</summary>
    public static string? OutcomeField(WorkTask task) => FormOf(task) == ReviewNotice ? MajorChange : null;

    /// <summary>Whether the task's outcome is a review's progress (its form asks for it).</summary>
    public static bool RecordsProgress(WorkTask task) => FormOf(task) == "review";

    /// <summary>
    /// The name of the task's form. The shipped pathway's termly meeting with parents names the generic meeting form,
    /// and the shipped definitions stay as they are: that task (known by its id) is given the parent meeting form, so its
    /// record has what the parents' letter needs. A definition may also name the parent meeting form itself. A task from
    /// before definitions named forms keeps the form it had (for that meeting, the generic one).
    /// </summary>
    public static string FormOf(WorkTask task) => task.Form switch
    {
        "meeting" when task.DefinitionTaskId == ParentMeetingTask => ParentMeeting,
        { } form => form,
        null => Legacy(task.Kind, task.DefinitionTaskId),
    };

    /// <summary>Whether the task is a meeting with the pupil's parents: its form says so, or it is the pathway's termly one.</summary>
    public static bool IsParentMeeting(WorkTask task) => FormOf(task) == ParentMeeting || task.DefinitionTaskId == ParentMeetingTask;

    public static IReadOnlyList<FormField> Named(string form) => form switch
    {
        "review" =>
        [
            new("progress", "Progress since the last review", "choice", true, Progress),
            new("notes", "Notes", "text", false),
            new("nextTargets", "Next targets (one per line)", "lines", false),
        ],
        "meeting" =>
        [
            new("attendees", "Who attended", "text", true, MaxLength: 1000),
            new("notes", "Meeting notes", "text", true),
        ],
        ParentMeeting =>
        [
            new("attendees", "Who attended", "text", true, MaxLength: 1000),
            new("agreed", "What was agreed", "text", true),
            new("nextSteps", "Next steps", "text", true),
        ],
        "initial-concern" =>
        [
            new("concerns", "The concerns", "text", true),
            new("strengths", "The pupil's strengths", "text", false),
            new("parentsViews", "What the parents said (completed with them)", "text", true),
            new("agreedActions", "What was agreed", "text", true),
        ],
        "pupil-voice" => [new("pupilViews", "The pupil's views, in their words", "text", true), new("notes", "Notes", "text", false)],
        "parent-voice" => [new("parentViews", "The parents' views", "text", true), new("notes", "Notes", "text", false)],
        "agency-advice" =>
        [
            new("agency", "Agency or professional", "text", true, MaxLength: 200),
            new("advice", "Their advice", "text", true),
        ],
        GovernorMeeting =>
        [
            new("attendees", "Who attended", "text", true, MaxLength: 1000),
            new("minutes", "Minutes of the meeting", "text", true),
            new("followUpActions", "Follow-up actions for the action plan (one per line)", "lines", false),
        ],
        LineManagement =>
        [
            new("notes", "What was discussed (progress, interventions and their impact, training, wellbeing)", "text", true),
            new("followUpActions", "Follow-up actions for the action plan (one per line)", "lines", false),
        ],
        ReviewNotice =>
        [
            new(MajorChange, "May a major change in provision be asked for at this review?", "choice", true, ["yes", "no"]),
            new("notes", "Notes (the meeting's date, who is invited)", "text", false),
        ],
        "monitoring" =>
        [
            new("findings", "What was found", "text", true),
            new("rating", "Rating", "choice", false, Ratings),
            new("followUpActions", "Follow-up actions for the action plan (one per line)", "lines", false),
        ],
        _ => [new("notes", "Notes", "text", false)],
    };

    // Tasks written before definitions named their form (form is null in their rows) keep the form they had.
    private static string Legacy(string kind, string definitionTaskId) => (kind, definitionTaskId) switch
    {
        ("review", _) => "review",
        ("meeting", _) => "meeting",
        (_, "initial-concern-template") => "initial-concern",
        (_, "pupil-voice") => "pupil-voice",
        (_, "parent-voice") => "parent-voice",
        (_, "agency-assessments" or "return-advice") => "agency-advice",
        _ => "notes",
    };

    /// <summary>Checks a submitted form against the task's fields; returns every problem.</summary>
    public static List<Problem> Check(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string>? form, string? outcome)
    {
        var values = form ?? new Dictionary<string, string>();
        var problems = new List<Problem>();
        foreach (var name in values.Keys.Where(k => fields.All(f => f.Name != k)))
        {
            var known = string.Join(", ", fields.Select(f => f.Name));
            problems.Add(new Problem($"This task's form has no field '{name}' (it has {known}).", $"form.{name}"));
        }
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

using System.Text.Json;
using System.Text.Json.Serialization;
using SendWorkflow.Send.Cases;

namespace SendWorkflow.Send.Play;

/// <summary>
/// How a Play session starts: the UK day the test pupil starts on (default today), their facts, and the draft to try
/// (default: the variant's saved draft, else its newest version). The test pupil is fictional.
/// </summary>
public sealed record PlayStart
{
    public DateOnly? StartsOn { get; init; }
    public int? YearGroup { get; init; }
    public bool? LookedAfter { get; init; }
    /// <summary>The test pupil's school's phase (primary, secondary, ...), which sets the transfer the rules read.</summary>
    public string? Phase { get; init; }
    /// <summary>The document to try, e.g. the designer's unsaved draft; null for the variant's saved one.</summary>
    public JsonElement? Document { get; init; }
}

/// <summary>
/// One step of a trial. Kind: "facts" (YearGroup, LookedAfter, Phase), "event" (Name, Data), "task" (Task: the task's id in
/// the definition; Outcome, Notes, Form), "days" (Days) or "date" (Date: move time on to that UK day).
/// </summary>
public sealed record PlayStep
{
    public string? Kind { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? YearGroup { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? LookedAfter { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Phase { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public JsonElement? Data { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Task { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Outcome { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Notes { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? Form { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Days { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? Date { get; init; }

    public static class Kinds
    {
        public const string Facts = "facts";
        public const string Event = "event";
        public const string Task = "task";
        public const string Days = "days";
        public const string Date = "date";
        public static readonly IReadOnlyList<string> All = [Facts, Event, Task, Days, Date];
    }
}

/// <summary>What a step ended in: where the test pupil is, whether the workflow still runs, the day, or why it could not run.</summary>
public sealed record PlayOutcome(string State, string StateName, string Status, DateOnly Today, string? Transition = null, string? Rule = null,
    string? Error = null)
{
    /// <summary>Whether two outcomes end the same way (the state, the status and whether it failed; not the words).</summary>
    public bool SameEnd(PlayOutcome other) =>
        other is not null && State == other.State && Status == other.Status && (Error is null) == (other.Error is null);
}

/// <summary>A step taken, in words, with what it ended in.</summary>
public sealed record PlayStepResult(int Index, PlayStep Step, string Summary, PlayOutcome Outcome);

/// <param name="Task">The task's id in the definition: what a "task" step names.</param>
/// <param name="Outcomes">The outcomes it may be completed with (the values of the measure its event records), if any.</param>
public sealed record PlayTaskDto(Guid Id, string Task, string Title, string Role, DateOnly DueOn, bool Overdue, IReadOnlyList<string> Outcomes);

public sealed record PlayTimerDto(string Timer, string Raises, DateTimeOffset DueAt, DateOnly DueOn);

public sealed record PlayJournalDto(DateTimeOffset At, string Kind, string State, string Detail, string? Transition);

/// <summary>An event the current state listens to, with the data fields it carries.</summary>
public sealed record PlayEventDto(string Name, string Label, IReadOnlyList<PlayFieldDto> Data);

public sealed record PlayFieldDto(string Name, string Type, bool Required, IReadOnlyList<string> Values);

/// <summary>
/// A Play session as it stands: the draft it runs (and what of it could not run), the test pupil's facts, where they are,
/// the path so far, the journal, open tasks, pending timers, why each way out would or would not be taken, the steps.
/// </summary>
public sealed record PlayStateDto(
    Guid SessionId, string DefinitionId, int Version, string Scope, DateTimeOffset Now, DateOnly Today, DateTimeOffset ExpiresAt,
    PlayFacts Facts, string State, string StateName, int? Stage, string Status,
    IReadOnlyList<string> PathStates, IReadOnlyList<string> PathTransitions,
    IReadOnlyList<PlayJournalDto> Journal, IReadOnlyList<PlayTaskDto> OpenTasks, IReadOnlyList<PlayTimerDto> PendingTimers,
    IReadOnlyList<PlayEventDto> Events, IReadOnlyList<TransitionExplanationDto> Why,
    IReadOnlyList<DefinitionProblem> Problems, IReadOnlyList<string> LeftOut, IReadOnlyList<PlayStepResult> Steps);

/// <summary>The test pupil's facts that the rules read.</summary>
public sealed record PlayFacts(int YearGroup, bool LookedAfter, string? Phase, string? Transfer);

/// <summary>What a step did, and the session after it.</summary>
public sealed record PlayStepAnswer(PlayStepResult Step, PlayStateDto Session);

/// <summary>Saves the session's steps as a named scenario of the definition's variant.</summary>
public sealed record ScenarioSave(Guid? SessionId, string? Name);

/// <summary>A saved scenario's new name.</summary>
public sealed record ScenarioRename(string? Name);

public sealed record ScenarioDto(string Name, string DefinitionId, string Scope, int Version, DateOnly StartsOn, PlayFacts Start,
    IReadOnlyList<PlayStep> Steps, IReadOnlyList<PlayOutcome> Outcomes, DateTime CreatedAt, string? CreatedBy);

/// <summary>One step replayed: what it ended in when saved (Then) and now (Now), and whether they differ.</summary>
public sealed record ReplayStepDto(int Index, PlayStep Step, string Summary, PlayOutcome? Then, PlayOutcome Now, bool Differs);

/// <summary>A scenario replayed on the draft as it is now: each step then and now, how many end differently.</summary>
public sealed record ReplayDto(string Name, int Version, IReadOnlyList<ReplayStepDto> Steps, int Differing,
    IReadOnlyList<DefinitionProblem> Problems, IReadOnlyList<string> LeftOut);

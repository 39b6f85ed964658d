using System.Text.RegularExpressions;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Components.Pages.Designer;

/// <summary>
/// The designer's changes to a definition's events and their data, as pure functions: a rename keeps the event (or
/// field) where it was in the document and carries the new name to everything that names it, so saving an unchanged
/// definition writes the same JSON.
/// </summary>
public static partial class DefinitionEdits
{
    /// <summary>The types a field of an event's data may have, with their words.</summary>
    public static readonly IReadOnlyList<(string Type, string Words)> FieldTypes =
        [("text", "text"), ("number", "a number"), ("flag", "yes or no"), ("date", "a date")];

    /// <summary>Why the name can't be a new event's (null when it can): "review.completed" is the form.</summary>
    public static string? EventNameProblem(string name, WorkflowDefinition d, string? current = null) =>
        !EventName().IsMatch(name)
            ? "An event's name is lower-case letters, digits, dots and dashes, starting with a letter or digit (e.g. review.completed)."
            : name != current && d.Events.ContainsKey(name) ? $"There is already an event called '{name}'."
            : null;

    /// <summary>Why the name can't be a new field's of the event (null when it can): rules read it as data.Text("name").</summary>
    public static string? FieldNameProblem(string name, EventDefinition e, string? current = null) =>
        !FieldName().IsMatch(name)
            ? "A field's name is letters and digits, starting with a letter (e.g. decidedOn)."
            : name != current && e.Data.ContainsKey(name) ? $"The event already has a field called '{name}'."
            : null;

    /// <summary>The dictionary with one key renamed, in the same place.</summary>
    public static Dictionary<string, T> RenameKey<T>(IReadOnlyDictionary<string, T> items, string from, string to) =>
        items.ToDictionary(kv => kv.Key == from ? to : kv.Key, kv => kv.Value);

    /// <summary>The dictionary with one entry replaced (or added at the end).</summary>
    public static Dictionary<string, T> With<T>(IReadOnlyDictionary<string, T> items, string key, T value) =>
        new(items) { [key] = value };

    /// <summary>The dictionary without one entry.</summary>
    public static Dictionary<string, T> Without<T>(IReadOnlyDictionary<string, T> items, string key) =>
        items.Where(kv => kv.Key != key).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>Renames an event and carries the new name to the arrows, tasks and timers that name it.</summary>
    public static WorkflowDefinition RenameEvent(WorkflowDefinition d, string from, string to)
    {
        string Name(string e) => e == from ? to : e;
        string? Maybe(string? e) => e == from ? to : e;
        TaskDefinition Task(TaskDefinition t) => t.Raises == from || t.On == from ? t with { Raises = Maybe(t.Raises), On = Maybe(t.On) } : t;
        return d with
        {
            Events = RenameKey(d.Events, from, to),
            Transitions = d.Transitions.Select(t => t.On == from ? t with { On = to } : t).ToList(),
            States = d.States.Select(s => s with
            {
                Tasks = s.Tasks.Select(Task).ToList(),
                Timers = s.Timers.Select(t => t with { Raises = Name(t.Raises), Task = t.Task is null ? null : Task(t.Task) }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Renames a field of an event's data, and the event's measure and milestone date when they name it.</summary>
    public static EventDefinition RenameField(EventDefinition e, string from, string to) => e with
    {
        Data = RenameKey(e.Data, from, to),
        Measure = e.Measure == from ? to : e.Measure,
        Milestone = e.Milestone is { } m && m.Date == from ? m with { Date = to } : e.Milestone,
    };

    /// <summary>Where the event is named, in words ("the arrow From A to B", "task Review of state X"); empty when nowhere.</summary>
    public static IReadOnlyList<string> Uses(WorkflowDefinition d, string name)
    {
        var uses = new List<string>();
        string StateName(string id) => d.States.FirstOrDefault(s => s.Id == id)?.Name ?? id;
        uses.AddRange(d.Transitions.Where(t => t.On == name).Select(t => $"the arrow from {StateName(t.From)} to {StateName(t.To)}"));
        foreach (var s in d.States)
        {
            var tasks = s.Tasks.Concat(s.Timers.Select(t => t.Task).OfType<TaskDefinition>());
            uses.AddRange(tasks.Where(t => t.Raises == name || t.On == name).Select(t => $"the task '{t.Title}' of {s.Name}"));
            uses.AddRange(s.Timers.Where(t => t.Raises == name).Select(t => $"the timer '{t.Id}' of {s.Name}"));
        }
        return uses;
    }

    /// <summary>"a, b,c" is [a, b, c]; nothing is null (any value is allowed).</summary>
    public static List<string>? Choices(string? text)
    {
        var list = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        return list.Count == 0 ? null : list;
    }

    /// <summary>Roles typed as "SENCo, class teacher" are [senco, class-teacher].</summary>
    public static List<string> Roles(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant().Replace(' ', '-')).Distinct().ToList();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,99}$")]
    private static partial Regex EventName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex FieldName();
}

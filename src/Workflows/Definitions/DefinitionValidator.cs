using System.Globalization;
using System.Text.RegularExpressions;
using SendWorkflow.Rules;

namespace SendWorkflow.Workflows.Definitions;

/// <summary>Lists every problem of a definition at once: an author fixes them in one pass, not one per publish.</summary>
public static partial class DefinitionValidator
{
    public static ValidationReport Validate(WorkflowDefinition d)
    {
        var errors = new List<DefinitionProblem>();
        var warnings = new List<DefinitionProblem>();
        void Error(string code, string message, string kind = "definition", string? id = null) =>
            errors.Add(new DefinitionProblem(code, message, kind, id));
        void Warn(string code, string message, string kind = "definition", string? id = null) =>
            warnings.Add(new DefinitionProblem(code, message, kind, id));

        if (!IdPattern().IsMatch(d.Id ?? ""))
            Error("invalid-id", $"The definition id '{d.Id}' must be lower-case letters, digits and dashes.");
        if (string.IsNullOrWhiteSpace(d.Name)) Error("missing-name", "The definition needs a name.");

        foreach (var (name, p) in d.Parameters)
        {
            if (!Units.All.Contains(p.Unit))
                Error("unknown-unit", $"Parameter '{name}' has unknown unit '{p.Unit}' (use one of {string.Join(", ", Units.All)}).", "parameter", name);
            if (p.Default is null)
                Error("parameter-without-default", $"Parameter '{name}' has no default value.", "parameter", name);
            else if (p.Default < 0)
                Error("negative-parameter", $"Parameter '{name}' cannot be negative.", "parameter", name);
            if (p.Law is { } law)
            {
                if (string.IsNullOrWhiteSpace(law.Regulation))
                    Error("law-without-regulation", $"Parameter '{name}' has a statutory limit but does not name the regulation.", "parameter", name);
                if (law.Max is null == law.Min is null)
                    Error("invalid-law", $"Parameter '{name}': a statutory limit gives exactly one of 'max' or 'min'.", "parameter", name);
                if (law.Max < 0 || law.Min < 0)
                    Error("invalid-law", $"Parameter '{name}': a statutory limit cannot be negative.", "parameter", name);
                if (p.Default is { } value && law.IsLooserThanLaw(value))
                    Warn("looser-than-law", $"Parameter '{name}' defaults to {value}, looser than the law ({law.Regulation}).", "parameter", name);
            }
            if (!NamePattern().IsMatch(name))
                Error("invalid-parameter-name", $"Parameter name '{name}' must start with a letter and use only letters and digits.", "parameter", name);
        }
        // Rules read params.name ignoring capitals, so two names that differ only in capitals can't be told apart.
        foreach (var group in d.Parameters.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var name in group.Skip(1))
                Error("duplicate-parameter", $"Parameters '{group.First()}' and '{name}' differ only in capitals, which rules can't tell apart.", "parameter", name);
        }

        var states = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
        foreach (var s in d.States)
        {
            if (string.IsNullOrWhiteSpace(s.Id)) { Error("missing-id", $"A state named '{s.Name}' has no id.", "state", s.Id); continue; }
            if (!states.TryAdd(s.Id, s)) Error("duplicate-state", $"Two states have the id '{s.Id}'.", "state", s.Id);
            if (string.IsNullOrWhiteSpace(s.Name)) Error("missing-name", $"State '{s.Id}' needs a name.", "state", s.Id);
            if (s.Timeframe is not null) CheckWhen(s.Timeframe, $"The timeframe of state '{s.Id}'", "state", s.Id);
            if (s.Starts is { } child && !IdPattern().IsMatch(child))
                Error("invalid-id", $"State '{s.Id}' starts '{child}', which is not a definition id.", "state", s.Id);
            if (s.StartsFrom is not null && s.Starts is null)
                Error("starts-from-without-starts", $"State '{s.Id}' says what the workflow it starts counts from, but starts none.", "state", s.Id);
            if (s.Notifies is { } n && (!s.Terminal || string.IsNullOrWhiteSpace(n.Event)))
                Error("invalid-notification", $"State '{s.Id}' notifies its parent workflow: only a terminal state can, and it must name the event.", "state", s.Id);
            if (s.Terminal && (s.Tasks.Count > 0 || s.Timers.Count > 0))
                Warn("terminal-work", $"State '{s.Id}' ends the workflow, so its tasks and timers never matter.", "state", s.Id);

            var taskIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in s.Tasks)
            {
                if (!taskIds.Add(t.Id)) Error("duplicate-task", $"State '{s.Id}' has two tasks with the id '{t.Id}'.", "state", s.Id);
                CheckTask(t, $"Task '{t.Id}' of state '{s.Id}'", s.Id);
            }
            var timerIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in s.Timers)
            {
                var what = $"Timer '{t.Id}' of state '{s.Id}'";
                if (string.IsNullOrWhiteSpace(t.Id)) Error("missing-id", $"A timer of state '{s.Id}' has no id.", "state", s.Id);
                else if (!timerIds.Add(t.Id)) Error("duplicate-timer", $"State '{s.Id}' has two timers with the id '{t.Id}'.", "state", s.Id);
                if ((t.After is null) == (t.Every is null))
                    Error("timer-schedule", $"{what} needs exactly one of 'after' or 'every'.", "state", s.Id);
                if (t.After is not null) CheckWhen(t.After, what, "state", s.Id);
                if (t.Every is not null)
                {
                    CheckWhen(t.Every, what, "state", s.Id);
                    if (IsZero(t.Every)) Error("timer-schedule", $"{what} repeats every zero time.", "state", s.Id);
                }
                if (!string.IsNullOrWhiteSpace(t.Raises) && d.Events.TryGetValue(t.Raises, out var raised)
                    && raised.Data.Any(f => f.Value.Required))
                    Error("timer-event-needs-data", $"{what} raises '{t.Raises}', which needs data a timer cannot give ({string.Join(", ", raised.Data.Where(f => f.Value.Required).Select(f => f.Key))}).", "state", s.Id);
                if (string.IsNullOrWhiteSpace(t.Raises) && t.Task is null)
                    Error("timer-does-nothing", $"{what} neither raises an event nor creates a task.", "state", s.Id);
                if (t.Task is not null) CheckTask(t.Task, $"The task of {what.ToLowerInvariant()}", s.Id);
            }
        }

        if (string.IsNullOrWhiteSpace(d.InitialState))
            Error("missing-initial-state", "The definition needs an initial state.");
        else if (!states.ContainsKey(d.InitialState))
            Error("unknown-state", $"The initial state '{d.InitialState}' is not a state of this definition.", "definition");

        var transitionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in d.Transitions)
        {
            if (string.IsNullOrWhiteSpace(t.Id)) { Error("missing-id", $"A transition from '{t.From}' to '{t.To}' has no id.", "transition", t.Id); continue; }
            if (!transitionIds.Add(t.Id)) Error("duplicate-transition", $"Two transitions have the id '{t.Id}'.", "transition", t.Id);
            if (!states.TryGetValue(t.From ?? "", out var from))
                Error("unknown-state", $"Transition '{t.Id}' starts from '{t.From}', which is not a state.", "transition", t.Id);
            else if (from.Terminal)
                Error("transition-from-terminal", $"Transition '{t.Id}' leaves '{t.From}', which ends the workflow.", "transition", t.Id);
            if (!states.ContainsKey(t.To ?? ""))
                Error("unknown-state", $"Transition '{t.Id}' goes to '{t.To}', which is not a state.", "transition", t.Id);
            if (string.IsNullOrWhiteSpace(t.On))
                Error("missing-event", $"Transition '{t.Id}' does not say which event it listens to.", "transition", t.Id);
            if (t.Rule is not null && string.IsNullOrWhiteSpace(t.Rule.Name))
                Error("missing-rule-name", $"The rule of transition '{t.Id}' needs a name.", "transition", t.Id);
        }

        foreach (var (name, e) in d.Events)
        {
            if (e.Milestone is { } m)
            {
                if (!IdPattern().IsMatch(m.Id ?? ""))
                    Error("invalid-id", $"The milestone of event '{name}' needs an id of lower-case letters, digits and dashes.", "event", name);
                if (m.Date is { } field && !(e.Data.TryGetValue(field, out var f) && f.Type == "date"))
                    Error("milestone-date", $"The milestone of event '{name}' takes its date from '{field}', which is not a date field of the event.", "event", name);
            }
            foreach (var (field, f) in e.Data)
            {
                if (f.Type is not ("text" or "number" or "flag" or "date"))
                    Error("unknown-field-type", $"Field '{field}' of event '{name}' has unknown type '{f.Type}' (text, number, flag or date).", "event", name);
                if (f.NotBefore is not (null or "start") || f.NotAfter is not (null or "today") || ((f.NotBefore ?? f.NotAfter) is not null && f.Type != "date"))
                    Error("invalid-date-limit", $"Field '{field}' of event '{name}': notBefore may be \"start\" and notAfter \"today\", on dates only.", "event", name);
            }
        }

        if (!string.IsNullOrWhiteSpace(d.InitialState) && states.ContainsKey(d.InitialState))
        {
            var reached = new HashSet<string>(StringComparer.Ordinal) { d.InitialState };
            var queue = new Queue<string>([d.InitialState]);
            while (queue.TryDequeue(out var at))
            {
                foreach (var t in d.Transitions.Where(t => t.From == at && t.To is not null && states.ContainsKey(t.To)))
                {
                    if (reached.Add(t.To)) queue.Enqueue(t.To);
                }
            }
            foreach (var s in d.States.Where(s => !string.IsNullOrWhiteSpace(s.Id) && !reached.Contains(s.Id)))
                Error("unreachable-state", $"State '{s.Id}' can never be reached from '{d.InitialState}'.", "state", s.Id);
        }

        foreach (var s in d.States.Where(s => !s.Terminal && !d.Transitions.Any(t => t.From == s.Id)))
            Warn("dead-end", $"Nothing leads out of state '{s.Id}', so an instance that gets there stays for good.", "state", s.Id);

        var ruleTransitions = d.Transitions.Where(t => t.Rule is not null).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var error in CompileRules(d).Errors)
        {
            if (ruleTransitions.Contains(error.RuleName))
                Error("rule-does-not-compile", error.Message, "transition", error.RuleName);
            else if (TaskConditionTarget(d, error.RuleName) is { } stateId)
                Error("rule-does-not-compile", error.Message, "state", stateId);
            else
                Error("rule-does-not-compile", error.Message);
        }

        return new ValidationReport(errors, warnings);

        void CheckTask(TaskDefinition t, string what, string stateId)
        {
            if (string.IsNullOrWhiteSpace(t.Id)) Error("missing-id", $"{what} has no id.", "state", stateId);
            if (string.IsNullOrWhiteSpace(t.Title)) Error("missing-title", $"{what} needs a title.", "state", stateId);
            if (string.IsNullOrWhiteSpace(t.Role)) Error("missing-role", $"{what} needs a role.", "state", stateId);
            if (t.Due is not null) CheckWhen(t.Due, what, "state", stateId);
            if (t.Warn is not null)
            {
                CheckWhen(t.Warn, $"The warning of {what.ToLowerInvariant()}", "state", stateId);
                if (t.Warn.Next is not null || t.Warn.Date is not null || t.Warn.Months is not null || t.Warn.Terms is not null || t.Warn.HalfTerms is not null)
                    Error("invalid-warning", $"{what} warns a number of days or weeks before it is due, not at a calendar point or in terms.", "state", stateId);
            }
            if (t.Repeat && t.Due?.Next is null && t.Due?.Date is null)
                Error("repeat-needs-point", $"{what} repeats, so its due date must be a calendar point ('next' or 'date').", "state", stateId);
        }

        void CheckWhen(When w, string what, string kind, string? id)
        {
            var set = w.CountSet();
            if (set != 1)
            {
                Error("invalid-time", $"{what} must give exactly one of days, weeks, months, schoolDays, schoolWeeks, halfTerms, terms, param, next or date.", kind, id);
                return;
            }
            foreach (var amount in new[] { w.Days, w.Weeks, w.Months, w.SchoolDays, w.SchoolWeeks, w.HalfTerms, w.Terms })
            {
                if (amount < 0) Error("negative-time", $"{what} cannot be a negative time.", kind, id);
            }
            if ((w.HalfTerms is { } h && h != Math.Floor(h)) || (w.Terms is { } tm && tm != Math.Floor(tm)) || (w.Months is { } mo && mo != Math.Floor(mo)))
                Error("fractional-time", $"{what} must count whole terms, half terms and months.", kind, id);
            if (w.Milestone() is { } milestone)
            {
                if (!d.Events.Values.Any(e => e.Milestone?.Id == milestone))
                    Error("unknown-milestone", $"{what} counts from milestone '{milestone}', which no event of this definition records.", kind, id);
            }
            else if (w.From is not (null or "state" or "start"))
                Error("invalid-from", $"{what} counts from '{w.From}'; use \"state\", \"start\" or \"milestone:<id>\".", kind, id);
            if (w.Param is { } p)
            {
                if (!d.Parameters.TryGetValue(p, out var param))
                    Error("unknown-parameter", $"{what} uses parameter '{p}', which is not defined.", kind, id);
                else if (param.Unit == Units.Number)
                    Error("parameter-not-time", $"{what} uses parameter '{p}', which is a number, not a time.", kind, id);
            }
            if (w.Date is { } date && !DateTime.TryParseExact("2000-" + date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                Error("invalid-date", $"{what} has date '{date}', which is not a day of the year as MM-dd.", kind, id);
        }
    }

    /// <summary>
    /// Compiles every transition's rule, keyed by the transition id, and every task's condition, keyed by
    /// <see cref="TaskConditionKey"/> (a slash can't occur in a transition id, so the two never collide).
    /// </summary>
    public static RuleSetResult CompileRules(WorkflowDefinition d)
    {
        var sources = d.Transitions
            .Where(t => t.Rule is not null && !string.IsNullOrWhiteSpace(t.Id))
            .GroupBy(t => t.Id).Select(g => g.First())
            .Select(t => new RuleSource(t.Id, t.Rule!.Expression))
            .Concat(d.States.SelectMany(s => s.Tasks.Where(t => t.If is not null).Select(t => new RuleSource(TaskConditionKey(s.Id, t.Id), t.If!))))
            .GroupBy(r => r.Name).Select(g => g.First())
            .ToList();
        // Parameters that differ only in capitals are reported by Validate; the first is kept here so that the rules
        // still compile and their own errors are listed too, instead of one error about parameters and nothing else.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var parameters = ParameterValues(d).Where(p => seen.Add(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var result = RuleSet.Compile($"{d.Id} v{d.Version}", sources, parameters);
        var names = d.Transitions.Where(t => t.Rule is not null && !string.IsNullOrWhiteSpace(t.Id))
            .GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Rule!.Name);
        var errors = result.Errors
            .Select(e => new RuleError(e.RuleName, names.TryGetValue(e.RuleName, out var ruleName)
                ? $"The rule '{ruleName}' of transition '{e.RuleName}' does not compile: {e.Message}"
                : e.RuleName.Split('/') is [var state, var task]
                    ? $"The condition of task '{task}' of state '{state}' does not compile: {e.Message}"
                    : e.Message))
            .ToList();
        return result with { Errors = errors };
    }

    public static string TaskConditionKey(string stateId, string taskId) => $"{stateId}/{taskId}";

    private static string? TaskConditionTarget(WorkflowDefinition d, string ruleName) =>
        ruleName.Split('/') is [var state, _] && d.States.Any(s => s.Id == state) ? state : null;

    public static Dictionary<string, double> ParameterValues(WorkflowDefinition d) =>
        d.Parameters.Where(p => NamePattern().IsMatch(p.Key))
            .ToDictionary(p => p.Key, p => p.Value.Default ?? 0, StringComparer.Ordinal);

    private static bool IsZero(When w) =>
        (w.Days ?? w.Weeks ?? w.Months ?? w.SchoolDays ?? w.SchoolWeeks ?? w.HalfTerms ?? w.Terms) == 0;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex NamePattern();
}

using System.Text.Json;

namespace SendWorkflow.Workflows.Tests.TestSupport;

/// <summary>The real demo calendar and SEND pathway from the repository's definitions folder.</summary>
internal static class Repo
{
    private static readonly JsonSerializerOptions CalendarJson = new(JsonSerializerDefaults.Web);

    public static string Root { get; } = FindRoot();

    public static string DemoCalendarPath => Path.Combine(Root, "definitions", "calendars", "demo-borough.json");

    public static string PathwayPath => Path.Combine(Root, "definitions", "workflows", "send-pathway.json");

    /// <summary>The demo borough's calendar (immutable, so shared).</summary>
    public static SchoolCalendar DemoCalendar { get; } = SchoolCalendar.From(DemoCalendarDocument());

    /// <summary>The pathway compiled once (immutable, so shared).</summary>
    public static CompiledDefinition CompiledPathway { get; } = CompiledDefinition.Compile(Pathway());

    /// <summary>A fresh copy of the demo calendar document, safe to mutate.</summary>
    public static TermCalendarDocument DemoCalendarDocument() =>
        JsonSerializer.Deserialize<TermCalendarDocument>(File.ReadAllText(DemoCalendarPath), CalendarJson)
        ?? throw new InvalidOperationException("The demo calendar is empty.");

    /// <summary>A fresh copy of the pathway as parsed from the repository, safe to mutate.</summary>
    public static WorkflowDefinition Pathway() => DefinitionJson.Parse(PathwayJson());

    public static string PathwayJson() => File.ReadAllText(PathwayPath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SendWorkflow.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains SendWorkflow.sln.");
    }
}

/// <summary>Short ways to make mutated copies of a definition without touching the original's lists.</summary>
internal static class DefinitionEdits
{
    public static WorkflowDefinition WithState(this WorkflowDefinition d, string id, Func<StateDefinition, StateDefinition> change)
    {
        Assert.Contains(d.States, s => s.Id == id);
        return d with { States = [.. d.States.Select(s => s.Id == id ? change(s) : s)] };
    }

    public static WorkflowDefinition WithTransition(this WorkflowDefinition d, string id, Func<TransitionDefinition, TransitionDefinition> change)
    {
        Assert.Contains(d.Transitions, t => t.Id == id);
        return d with { Transitions = [.. d.Transitions.Select(t => t.Id == id ? change(t) : t)] };
    }

    public static WorkflowDefinition WithParameter(this WorkflowDefinition d, string name, Func<ParameterDefinition, ParameterDefinition> change)
    {
        Assert.True(d.Parameters.ContainsKey(name));
        return d with { Parameters = d.Parameters.ToDictionary(p => p.Key, p => p.Key == name ? change(p.Value) : p.Value) };
    }

    public static WorkflowDefinition AddState(this WorkflowDefinition d, StateDefinition state) =>
        d with { States = [.. d.States, state] };

    public static WorkflowDefinition AddTransition(this WorkflowDefinition d, TransitionDefinition transition) =>
        d with { Transitions = [.. d.Transitions, transition] };

    public static TransitionDefinition Transition(this WorkflowDefinition d, string id) => d.Transitions.Single(t => t.Id == id);

    public static StateDefinition State(this WorkflowDefinition d, string id) => d.States.Single(s => s.Id == id);
}

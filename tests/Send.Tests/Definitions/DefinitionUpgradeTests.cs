using SendWorkflow.Send.Definitions;
using SendWorkflow.Send.Workspace;
using SendWorkflow.Workflows.Definitions;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Send.Tests.Definitions;

/// <summary>Pupils on a version published before definitions carried what the engine once knew carry on as before.</summary>
public sealed class DefinitionUpgradeTests
{
    private static WorkflowDefinition Before() =>
        DefinitionJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "send-pathway-before-definition-data.json")));

    private static WorkflowDefinition Shipped() =>
        DefinitionJson.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "definitions", "workflows", "send-pathway.json")));

    [Fact]
    public void AnEarlierPathway_GetsWhatTheEngineUsedToAssume()
    {
        var upgraded = DefinitionUpgrade.Apply(Before());

        Assert.Equal("senco", upgraded.EscalateTo);
        Assert.Equal(["senco"], upgraded.CompletedBy);
        Assert.False(upgraded.Statutory);
        Assert.Equal("progress", upgraded.Events["review.completed"].Measure);
        Assert.All(upgraded.Transitions.Where(t => t.On == "assessment.requested"), t => Assert.Equal("request", t.EnteredAs));
        Assert.All(upgraded.Transitions.Where(t => t.On != "assessment.requested"), t => Assert.Null(t.EnteredAs));
    }

    [Fact]
    public void AnEarlierPathway_ShowsEachTaskTheFormTheShippedPathwayNames()
    {
        static Dictionary<string, string?> Forms(WorkflowDefinition d) => d.States
            .SelectMany(s => s.Tasks.Concat(s.Timers.Select(t => t.Task).OfType<TaskDefinition>()))
            .GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Form);

        var upgraded = Forms(DefinitionUpgrade.Apply(Before()));
        var shipped = Forms(Shipped());

        Assert.NotEmpty(upgraded);
        foreach (var (task, form) in upgraded.Where(t => shipped.ContainsKey(t.Key)))
            Assert.True(shipped[task] == form, $"Task '{task}' upgraded to form '{form}', the shipped pathway says '{shipped[task]}'.");
    }

    [Fact]
    public void ADefinitionThatSaysItself_IsTakenAsItIs()
    {
        var shipped = Shipped();
        Assert.Same(shipped, DefinitionUpgrade.Apply(shipped));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SendWorkflow.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    /// <summary>The annual review's notice asks whether a major change in provision may be asked for (the LA then attends).</summary>
    private static readonly HashSet<(string Definition, string Task)> GivenAFormSince = [("ehcp-annual-review", "send-notices")];

    [Theory]
    [InlineData("send-pathway")]
    [InlineData("ehcp-assessment")]
    [InlineData("ehcp-annual-review")]
    public void EveryShippedTask_NamesTheFormItShowedBeforeFormsWereData_AndAFormTheInboxKnows(string id)
    {
        var d = DefinitionJson.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "definitions", "workflows", $"{id}.json")));
        var tasks = d.States.SelectMany(s => s.Tasks.Concat(s.Timers.Select(t => t.Task).OfType<TaskDefinition>())).ToList();
        Assert.NotEmpty(tasks);
        foreach (var t in tasks)
        {
            var before = TaskForms.FormOf(new WorkTask { Kind = t.Kind, DefinitionTaskId = t.Id });
            // A form given to a task after forms became data: older versions keep the one they showed.
            if (GivenAFormSince.Contains((id, t.Id))) before = t.Form;
            Assert.True(before == t.Form, $"{id}: task '{t.Id}' shows '{t.Form}', it showed '{before}'");
            Assert.Contains(t.Form, TaskForms.Names);
        }
    }
}

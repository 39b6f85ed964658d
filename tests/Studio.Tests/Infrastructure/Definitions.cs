using System.Net.Http.Json;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Studio.Tests.Infrastructure;

/// <summary>Definitions the tests make for themselves, so no test changes another's pathway.</summary>
public static class Definitions
{
    /// <summary>A chain of states, each escalating to the next after little progress and stepping back after good progress.</summary>
    public static WorkflowDefinition Chain(string id, int states)
    {
        var list = Enumerable.Range(1, states).Select(i => new StateDefinition
        {
            Id = $"step-{i}",
            Stage = i,
            Name = $"Step {i} of the pathway",
            Roles = ["class-teacher", "senco"],
            Timeframe = new When { Param = "reviewWeeks" },
            Terminal = i == states,
            Tasks = i == states ? []
                : [new TaskDefinition { Id = "review", Title = $"Review step {i}", Role = "senco", Kind = "review", Form = "review",
                Due = new When { SchoolWeeks = 6 } }],
            Layout = new Layout(40 + (i - 1) % 10 * 300, 40 + (i - 1) / 10 * 200),
        }).ToList();
        var transitions = new List<TransitionDefinition>();
        for (var i = 1; i < states; i++)
        {
            transitions.Add(new TransitionDefinition
            {
                Id = $"up-{i}", From = $"step-{i}", To = $"step-{i + 1}", On = "review.completed", Priority = 1,
                Label = $"Little progress after the review weeks: step {i + 1}",
                Rule = new RuleDefinition { Name = $"LittleProgress{i}",
                    Expression = "facts.SchoolWeeksInStage >= params.reviewWeeks && facts.LastProgress == Progress.Little" },
            });
            if (i > 1)
            {
                transitions.Add(new TransitionDefinition
                {
                    Id = $"down-{i}", From = $"step-{i}", To = $"step-{i - 1}", On = "review.completed", Priority = 2,
                    Label = "Good progress: back a step",
                    Rule = new RuleDefinition { Name = $"GoodProgress{i}", Expression = "facts.LastProgress == Progress.Good" },
                });
            }
        }
        return new WorkflowDefinition
        {
            Id = id,
            Name = $"Generated pathway of {states} states",
            Parameters = new() { ["reviewWeeks"] = new ParameterDefinition { Unit = Units.SchoolWeeks, Default = 6 } },
            InitialState = "step-1",
            EscalateTo = "senco",
            States = list,
            Transitions = transitions,
            Events = new() { ["review.completed"] = new EventDefinition { Measure = "progress",
                Data = new() { ["progress"] = new FieldDefinition { Type = "text" } } } },
        };
    }

    public static async Task ImportAsync(HttpClient http, WorkflowDefinition definition, bool publish)
    {
        var response = await http.PostAsync($"/api/definitions/import?publish={(publish ? "true" : "false")}",
            new StringContent(DefinitionJson.Serialize(definition), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<int?> PublishedVersionAsync(HttpClient http, string id)
    {
        var list = await http.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/api/definitions");
        var row = list!.FirstOrDefault(d => (string?)d["id"] == id);
        return row is null ? null : (int?)row["publishedVersion"];
    }
}

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace SendWorkflow.Workflows.Tests.Definitions;

/// <summary>definitions/definition.schema.json accepts the shipped workflows and refuses malformed documents.</summary>
public class DefinitionSchemaTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string DefinitionsFolder = Path.Combine(RepoRoot, "definitions");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SendWorkflow.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains SendWorkflow.sln.");
    }

    private static Task<JsonSchema> LoadSchema() =>
        JsonSchema.FromFileAsync(Path.Combine(DefinitionsFolder, "definition.schema.json"), TestContext.Current.CancellationToken);

    public static TheoryData<string> WorkflowFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(DefinitionsFolder, "workflows"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void There_are_workflow_documents_to_check() => Assert.NotEmpty(WorkflowFiles());

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public async Task Every_shipped_workflow_validates(string fileName)
    {
        var schema = await LoadSchema();
        var json = await File.ReadAllTextAsync(Path.Combine(DefinitionsFolder, "workflows", fileName), TestContext.Current.CancellationToken);

        var errors = schema.Validate(json);

        Assert.True(errors.Count == 0, $"{fileName}:{Environment.NewLine}{Describe(errors)}");
    }

    [Fact]
    public async Task The_minimal_document_used_below_validates()
    {
        var schema = await LoadSchema();

        var errors = schema.Validate(Minimal().ToJsonString());

        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Theory]
    [InlineData("unknown top-level property", ValidationErrorKind.NoAdditionalPropertiesAllowed)]
    [InlineData("unknown state property", ValidationErrorKind.NoAdditionalPropertiesAllowed)]
    [InlineData("state without an id", ValidationErrorKind.PropertyRequired)]
    [InlineData("timer with both after and every", ValidationErrorKind.NotOneOf)]
    [InlineData("timer with neither after nor every", ValidationErrorKind.NotOneOf)]
    [InlineData("parameter without a default", ValidationErrorKind.PropertyRequired)]
    [InlineData("parameter with an unknown unit", ValidationErrorKind.NotInEnumeration)]
    [InlineData("parameter with a negative default", ValidationErrorKind.NumberTooSmall)]
    [InlineData("parameter name with a dash", ValidationErrorKind.NoAdditionalPropertiesAllowed)]
    [InlineData("definition id with capitals", ValidationErrorKind.PatternMismatch)]
    [InlineData("definition without transitions", ValidationErrorKind.PropertyRequired)]
    [InlineData("time with two amounts", ValidationErrorKind.NotOneOf)]
    [InlineData("time with no amount", ValidationErrorKind.NotOneOf)]
    [InlineData("time with a negative amount", ValidationErrorKind.NumberTooSmall)]
    [InlineData("time with a fractional term", ValidationErrorKind.NumberNotMultipleOf)]
    [InlineData("date that is not MM-dd", ValidationErrorKind.PatternMismatch)]
    [InlineData("field with an unknown type", ValidationErrorKind.NotInEnumeration)]
    [InlineData("transition without an event", ValidationErrorKind.PropertyRequired)]
    public async Task A_malformed_document_fails(string problem, ValidationErrorKind expected)
    {
        var schema = await LoadSchema();
        var doc = Minimal();
        var state = doc["states"]![0]!.AsObject();
        var timer = state["timers"]![0]!.AsObject();
        var parameter = doc["parameters"]!["reviewWeeks"]!.AsObject();
        switch (problem)
        {
            case "unknown top-level property": doc["colour"] = "blue"; break;
            case "unknown state property": state["colour"] = "blue"; break;
            case "state without an id": state.Remove("id"); break;
            case "timer with both after and every": timer["every"] = new JsonObject { ["schoolWeeks"] = 2 }; break;
            case "timer with neither after nor every": timer.Remove("after"); break;
            case "parameter without a default": parameter.Remove("default"); break;
            case "parameter with an unknown unit": parameter["unit"] = "fortnights"; break;
            case "parameter with a negative default": parameter["default"] = -1; break;
            case "parameter name with a dash":
                doc["parameters"]!.AsObject()["review-weeks"] = new JsonObject { ["unit"] = "weeks", ["default"] = 1 };
                break;
            case "definition id with capitals": doc["id"] = "Send-Pathway"; break;
            case "definition without transitions": doc.Remove("transitions"); break;
            case "time with two amounts": state["timeframe"] = new JsonObject { ["days"] = 1, ["weeks"] = 1 }; break;
            case "time with no amount": state["timeframe"] = new JsonObject(); break;
            case "time with a negative amount": state["timeframe"] = new JsonObject { ["schoolDays"] = -5 }; break;
            case "time with a fractional term": state["timeframe"] = new JsonObject { ["terms"] = 1.5 }; break;
            case "date that is not MM-dd": state["timeframe"] = new JsonObject { ["date"] = "15-02" }; break;
            case "field with an unknown type": doc["events"]!["review.completed"]!["data"]!["progress"]!["type"] = "colour"; break;
            case "transition without an event": doc["transitions"]![0]!.AsObject().Remove("on"); break;
            default: throw new ArgumentOutOfRangeException(nameof(problem), problem, "No such case.");
        }

        var errors = schema.Validate(doc.ToJsonString());

        Assert.NotEmpty(errors);
        Assert.True(Flatten(errors).Any(e => e.Kind == expected),
            $"Expected {expected} for '{problem}', got:{Environment.NewLine}{Describe(errors)}");
    }

    [Theory]
    [InlineData(null, typeof(WorkflowDefinition))]
    [InlineData("parameter", typeof(ParameterDefinition))]
    [InlineData("when", typeof(When))]
    [InlineData("task", typeof(TaskDefinition))]
    [InlineData("timer", typeof(TimerDefinition))]
    [InlineData("layout", typeof(Layout))]
    [InlineData("point", typeof(Point))]
    [InlineData("state", typeof(StateDefinition))]
    [InlineData("rule", typeof(RuleDefinition))]
    [InlineData("transition", typeof(TransitionDefinition))]
    [InlineData("event", typeof(EventDefinition))]
    [InlineData("field", typeof(FieldDefinition))]
    public void Schema_properties_match_the_model(string? definition, Type model)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(DefinitionsFolder, "definition.schema.json")))!;
        var schema = definition is null ? root : root["definitions"]![definition]!;
        var inSchema = schema["properties"]!.AsObject().Select(p => p.Key).Where(k => k != "$schema").Order(StringComparer.Ordinal);
        var inModel = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal);

        Assert.Equal(inModel, inSchema);
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Parameter_units_match_the_model()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(DefinitionsFolder, "definition.schema.json")))!;
        var units = root["definitions"]!["parameter"]!["properties"]!["unit"]!["enum"]!.AsArray().Select(u => u!.GetValue<string>());

        Assert.Equal(Units.All, units);
    }

    [Fact]
    public async Task A_repeating_task_needs_a_calendar_point()
    {
        var schema = await LoadSchema();
        var doc = Minimal();
        var task = doc["states"]![0]!["tasks"]![0]!.AsObject();
        task["repeat"] = true;

        Assert.NotEmpty(schema.Validate(doc.ToJsonString()));

        task["due"] = new JsonObject { ["next"] = "target-review" };
        Assert.Empty(schema.Validate(doc.ToJsonString()));
    }

    /// <summary>A small valid document with one of everything, for the failing cases to break one thing at a time.</summary>
    private static JsonObject Minimal() => JsonNode.Parse("""
        {
          "$schema": "../definition.schema.json",
          "id": "tiny",
          "version": 1,
          "name": "Tiny workflow",
          "parameters": {
            "reviewWeeks": { "unit": "schoolWeeks", "default": 6, "description": "Review cadence." }
          },
          "initialState": "watch",
          "states": [
            {
              "id": "watch",
              "stage": 1,
              "name": "Watch",
              "roles": ["class-teacher"],
              "timeframe": { "param": "reviewWeeks" },
              "tasks": [
                { "id": "note", "title": "Write a note", "role": "class-teacher", "kind": "action", "due": { "schoolDays": 5 } }
              ],
              "timers": [
                {
                  "id": "review",
                  "after": { "param": "reviewWeeks" },
                  "raises": "review.due",
                  "task": { "id": "review", "title": "Review", "role": "class-teacher", "kind": "review", "raises": "review.completed" }
                }
              ],
              "layout": { "x": 0, "y": 0 }
            },
            { "id": "closed", "name": "Closed", "terminal": true }
          ],
          "transitions": [
            {
              "id": "done",
              "from": "watch",
              "to": "closed",
              "on": "review.completed",
              "priority": 1,
              "rule": { "name": "GoodProgress", "expression": "facts.LastProgress == Progress.Good" },
              "vertices": [{ "x": 10, "y": 20 }]
            }
          ],
          "events": {
            "review.completed": {
              "description": "A review recorded progress.",
              "data": { "progress": { "type": "text", "enum": ["none", "good"], "required": true } }
            }
          }
        }
        """)!.AsObject();

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? new[] { e }.Concat(Flatten(child.Errors.Values.SelectMany(v => v)))
            : [e]);

    private static string Describe(IEnumerable<ValidationError> errors) =>
        string.Join(Environment.NewLine, Flatten(errors).Select(e => $"  {e.Path}: {e.Kind} ({e.Property}) line {e.LineNumber}"));
}

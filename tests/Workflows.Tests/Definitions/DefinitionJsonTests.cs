using System.Text.Json.Nodes;

namespace SendWorkflow.Workflows.Tests.Definitions;

/// <summary>DefinitionJson reads the designer's documents strictly and writes them back unchanged.</summary>
public class DefinitionJsonTests
{
    private static string PathwayWith(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Repo.PathwayJson(),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    [Fact]
    public void Parse_ThePathway_ReadsEveryPart()
    {
        var d = Repo.Pathway();

        Assert.Equal("send-pathway", d.Id);
        Assert.Equal(1, d.Version);
        Assert.Equal("cause-of-concern", d.InitialState);
        Assert.Equal(8, d.States.Count);
        Assert.Equal(21, d.Transitions.Count);
        Assert.Equal(10, d.Parameters.Count);
        Assert.Equal(9, d.Events.Count);
        Assert.Equal(6, d.Parameters["earlyInterventionWeeks"].Default);
        Assert.Equal(Units.SchoolWeeks, d.Parameters["earlyInterventionWeeks"].Unit);
        Assert.Equal("earlyInterventionWeeks", d.State("cause-of-concern").Timeframe?.Param);
        Assert.Equal("target-review", d.State("sen-support").Tasks.Single(t => t.Id == "target-review").Due?.Next);
        Assert.True(d.State("closed").Terminal);
        Assert.Equal(["none", "little", "expected", "good"], d.Events["review.completed"].Data["progress"].Enum);
    }

    [Theory]
    [InlineData("{ \"id\": ")]
    [InlineData("{ \"id\": \"x\" ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{ \"id\": \"x\", }")] // trailing commas are refused
    public void Parse_MalformedJson_ThrowsDefinitionFormatException(string json)
    {
        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Parse(json));
        Assert.StartsWith("The document is not a valid definition", ex.Message);
    }

    [Fact]
    public void Parse_MalformedJson_SaysWhichLine()
    {
        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Parse("{\n  \"id\": \"x\",\n  \"name\": oops\n}"));
        Assert.Contains("(line 3)", ex.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{ \"id\": \"send-pathway\" }]")]
    [InlineData("\"send-pathway\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Parse_SomethingOtherThanAnObject_ThrowsSayingItMustBeAnObject(string json)
    {
        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Parse(json));
        Assert.Contains("must be a JSON object", ex.Message);
    }

    [Fact]
    public void Parse_UnknownTopLevelProperty_IsRefusedNamingIt()
    {
        var json = PathwayWith(n => n["colour"] = "purple");

        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Parse(json));

        Assert.Contains("colour", ex.Message);
    }

    [Fact]
    public void Parse_UnknownPropertyInAState_IsRefusedNamingIt()
    {
        var json = PathwayWith(n => n["states"]![0]!["deadline"] = 6);

        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Parse(json));

        Assert.Contains("deadline", ex.Message);
    }

    [Fact]
    public void Parse_WrongTypeOfValue_SaysWhere()
    {
        var json = PathwayWith(n => n["version"] = "one");

        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Parse(json));

        Assert.Contains("version", ex.Message);
    }

    [Fact]
    public void Parse_CommentsAndSchema_AreIgnored()
    {
        var json = "// the designer's export\n" + PathwayWith(n => n["$schema"] = "../definition.schema.json");

        var d = DefinitionJson.Parse(json);

        Assert.Equal("send-pathway", d.Id);
    }

    [Fact]
    public void SerializeThenParse_GivesTheSameDocument()
    {
        var original = Repo.Pathway();

        var text = DefinitionJson.Serialize(original);
        var again = DefinitionJson.Parse(text);

        Assert.Equal(text, DefinitionJson.Serialize(again));
        Assert.Equal(DefinitionJson.ContentHash(original), DefinitionJson.ContentHash(again));
        Assert.Equal(original.States.Select(s => s.Id), again.States.Select(s => s.Id));
        Assert.Equal(original.Transitions.Select(t => (t.Id, t.From, t.To, t.On, t.Priority, t.Rule?.Expression)),
            again.Transitions.Select(t => (t.Id, t.From, t.To, t.On, t.Priority, t.Rule?.Expression)));
        Assert.Equal(original.Parameters.Keys, again.Parameters.Keys);
    }

    [Fact]
    public void Serialize_UsesCamelCaseAndLeavesOutNulls()
    {
        var text = DefinitionJson.Serialize(Repo.Pathway());

        Assert.Contains("\"initialState\": \"cause-of-concern\"", text);
        Assert.Contains("\"schoolDays\": 5", text);
        Assert.DoesNotContain("\"days\": null", text);
        Assert.DoesNotContain("$schema", text);
    }

    [Fact]
    public void ContentHash_IgnoresTheVersion()
    {
        var v1 = Repo.Pathway();
        var v7 = v1 with { Version = 7 };

        Assert.Equal(DefinitionJson.ContentHash(v1), DefinitionJson.ContentHash(v7));
    }

    [Fact]
    public void ContentHash_IsTheSameForTheSameContent() =>
        Assert.Equal(DefinitionJson.ContentHash(Repo.Pathway()), DefinitionJson.ContentHash(Repo.Pathway()));

    [Fact]
    public void ContentHash_ChangesWithContent()
    {
        var original = Repo.Pathway();
        var hash = DefinitionJson.ContentHash(original);

        Assert.NotEqual(hash, DefinitionJson.ContentHash(original.WithParameter("earlyInterventionWeeks", p => p with { Default = 8 })));
        Assert.NotEqual(hash, DefinitionJson.ContentHash(original.WithState("cause-of-concern", s => s with { Name = "Concern" })));
        Assert.NotEqual(hash, DefinitionJson.ContentHash(original.WithTransition("stage1-good-progress", t => t with { Priority = 3 })));
        Assert.NotEqual(hash, DefinitionJson.ContentHash(original with { Name = "Another pathway" }));
    }

    [Fact]
    public void ContentHash_IsHexSha256() =>
        Assert.Matches("^[0-9A-F]{64}$", DefinitionJson.ContentHash(Repo.Pathway()));
}

using System.Text.Json;
using static SendWorkflow.Rules.Tests.Scenario;

namespace SendWorkflow.Rules.Tests;

public class EventDataTests
{
    private static readonly EventData Sample = EventData.FromJson(JsonDocument.Parse(
        """
        {"by":"parent","score":12.5,"count":"3","assess":true,"off":false,"none":null,
         "zero":0,"yes":"TRUE","nested":{"a":1},"list":[1,2]}
        """).RootElement);

    [Fact]
    public void Text_ConvertsInvariantly()
    {
        Assert.Equal("parent", Sample.Text("by"));
        Assert.Equal("12.5", Sample.Text("score"));
        Assert.Equal("true", Sample.Text("assess"));
        Assert.Equal("false", Sample.Text("off"));
        Assert.Equal("", Sample.Text("none"));
        Assert.Equal("", Sample.Text("missing"));
        Assert.Equal("""{"a":1}""", Sample.Text("nested"));
        Assert.Equal("[1,2]", Sample.Text("list"));
    }

    [Fact]
    public void Number_ParsesNumbersAndNumericText()
    {
        Assert.Equal(12.5, Sample.Number("score"));
        Assert.Equal(3, Sample.Number("count"));
        Assert.Equal(0, Sample.Number("by"));
        Assert.Equal(0, Sample.Number("assess"));
        Assert.Equal(0, Sample.Number("missing"));
    }

    [Fact]
    public void Flag_TrueOnlyForTrueValues()
    {
        Assert.True(Sample.Flag("assess"));
        Assert.True(Sample.Flag("yes"));
        Assert.True(Sample.Flag("score"));
        Assert.False(Sample.Flag("zero"));
        Assert.False(Sample.Flag("off"));
        Assert.False(Sample.Flag("by"));
        Assert.False(Sample.Flag("missing"));
    }

    [Fact]
    public void Has_SeesNullButNotMissing()
    {
        Assert.True(Sample.Has("none"));
        Assert.False(Sample.Has("missing"));
    }

    [Fact]
    public void FromJson_NullOrUndefined_IsEmpty()
    {
        Assert.Same(EventData.Empty, EventData.FromJson(null));
        Assert.Same(EventData.Empty, EventData.FromJson(default(JsonElement)));
        Assert.Same(EventData.Empty, EventData.FromJson(JsonDocument.Parse("null").RootElement));
    }

    [Fact]
    public void FromJson_NotAnObject_Throws() =>
        Assert.Throws<ArgumentException>(() => EventData.FromJson(JsonDocument.Parse("[1]").RootElement));

    [Fact]
    public void Constructor_OtherNumbers_StoredAsDouble() =>
        Assert.Equal(3.0, new EventData(new Dictionary<string, object?> { ["n"] = 3 }).Values["n"]);

    [Fact]
    public void Constructor_UnsupportedValue_Throws() =>
        Assert.Throws<ArgumentException>(() => new EventData(new Dictionary<string, object?> { ["when"] = new DateOnly(2025, 1, 1) }));

    [Fact]
    public void Evaluate_DataNumberAndHas_Hold()
    {
        var scored = Given(new Facts()).WithData(("score", 12.5), ("count", "3"), ("reason", null));
        scored.Holds("data.Number(\"score\") > 12 && data.Number(\"count\") == 3");
        scored.Holds("data.Has(\"reason\") && !data.Has(\"other\")");
        scored.Holds("data.Number(\"missing\") == 0 && data.Text(\"missing\") == \"\"");
        scored.Holds("data.Text(\"score\") == \"12.5\"");
    }
}

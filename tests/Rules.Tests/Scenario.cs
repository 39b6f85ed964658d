namespace SendWorkflow.Rules.Tests;

/// <summary>Lets a test read like the rule: given these facts (and data, and parameters), this rule holds.</summary>
internal sealed record Scenario(Facts Facts, EventData Data, IReadOnlyDictionary<string, double> Parameters)
{
    public static Scenario Given(Facts facts) => new(facts, EventData.Empty, new Dictionary<string, double>());

    public Scenario WithData(params (string Name, object? Value)[] values) =>
        this with { Data = new EventData(values.ToDictionary(v => v.Name, v => v.Value)) };

    public Scenario WithParams(params (string Name, double Value)[] values) =>
        this with { Parameters = values.ToDictionary(v => v.Name, v => v.Value) };

    public void Holds(string expression) => Assert.True(Evaluate(expression), $"Expected to hold: {expression}");

    public void DoesNotHold(string expression) => Assert.False(Evaluate(expression), $"Expected not to hold: {expression}");

    private bool Evaluate(string expression) =>
        Compile.Ok(Parameters, expression).Evaluate("rule", Facts, Data);
}

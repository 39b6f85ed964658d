namespace SendWorkflow.Workflows.Definitions;

/// <summary>A named number a borough or school may tune; rules read it as <c>params.name</c>.</summary>
public sealed record ParameterDefinition
{
    /// <summary>One of <see cref="Units.All"/>: how the number is counted.</summary>
    public string Unit { get; init; } = "";
    public double? Default { get; init; }
    public string? Description { get; init; }
    /// <summary>The statutory limit, when the law sets one: looser values are warned about, and reports measure against it.</summary>
    public StatutoryLimit? Law { get; init; }
}

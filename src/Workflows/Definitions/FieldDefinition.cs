namespace SendWorkflow.Workflows.Definitions;

public sealed record FieldDefinition
{
    /// <summary>text, number, flag or date (yyyy-MM-dd).</summary>
    public string Type { get; init; } = "text";
    public List<string>? Enum { get; init; }
    public bool Required { get; init; }
}

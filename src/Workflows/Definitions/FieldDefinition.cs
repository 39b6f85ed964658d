namespace SendWorkflow.Workflows.Definitions;

public sealed record FieldDefinition
{
    /// <summary>text, number, flag or date (yyyy-MM-dd).</summary>
    public string Type { get; init; } = "text";
    public List<string>? Enum { get; init; }
    public bool Required { get; init; }
    /// <summary>For dates: "start" refuses a date before the instance started (a decision before the request).</summary>
    public string? NotBefore { get; init; }
    /// <summary>For dates: "today" refuses a date in the future.</summary>
    public string? NotAfter { get; init; }
    /// <summary>For text: the most characters it may have (without it, <see cref="DefaultMaxLength"/>).</summary>
    public int? MaxLength { get; init; }

    public const int DefaultMaxLength = 1000;
}

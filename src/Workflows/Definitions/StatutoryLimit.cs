namespace SendWorkflow.Workflows.Definitions;

/// <summary>
/// What the law allows for a parameter, in the parameter's unit: a limit that must not be exceeded (Max, e.g. a
/// final plan within 20 weeks) or a period that must be at least so long (Min, e.g. 15 days to comment). A borough
/// may set a looser value, with a warning naming the regulation; compliance is always measured against the law.
/// </summary>
public sealed record StatutoryLimit
{
    public double? Max { get; init; }
    public double? Min { get; init; }
    /// <summary>The regulation that sets the limit, e.g. "reg 13(2) of the SEND Regulations 2014".</summary>
    public string Regulation { get; init; } = "";

    /// <summary>True when the value gives the people it protects less than the law does.</summary>
    public bool IsLooserThanLaw(double value) => (Max is { } max && value > max) || (Min is { } min && value < min);
}

namespace SendWorkflow.Rules;

/// <summary>Helpers rule authors can call as <c>Rules.AnyOf(...)</c>, so common checks read as one phrase.</summary>
public static class Rules
{
    public static bool AnyOf(string value, params string[] options) => options.Contains(value, StringComparer.Ordinal);

    public static bool AnyOf(double value, params double[] options) => options.Contains(value);

    public static bool AnyOf(Progress value, params Progress[] options) => options.Contains(value);

    /// <summary>Inclusive at both ends, as teachers read "between 7 and 9".</summary>
    public static bool Between(double value, double low, double high) => value >= low && value <= high;
}

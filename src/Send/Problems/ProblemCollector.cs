namespace SendWorkflow.Send.Problems;

/// <summary>Gathers every problem of a request before refusing it, so the caller fixes them in one go.</summary>
public sealed class ProblemCollector
{
    private readonly List<Problem> _problems = [];

    public ProblemCollector Require(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) _problems.Add(new Problem($"'{field}' is required.", field));
        else if (value.Length > maxLength) _problems.Add(new Problem($"'{field}' must be at most {maxLength} characters.", field));
        return this;
    }

    /// <summary>
    /// A name people read (a pupil's, a class's, a school's): required, at most so long, and without control characters
    /// or the invisible marks that reverse text direction, which could make a name read as something it is not.
    /// </summary>
    public ProblemCollector Name(string? value, string field, int maxLength = 200)
    {
        Require(value, field, maxLength);
        if (value is not null && value.Any(IsHidden))
            _problems.Add(new Problem($"'{field}' contains control characters or direction marks; type it as plain text.", field));
        return this;
    }

    /// <summary>A date within what the service can mean: 1990 to 2100.</summary>
    public ProblemCollector Date(DateOnly? value, string field)
    {
        if (value is { } d && (d.Year < 1990 || d.Year > 2100))
            _problems.Add(new Problem($"'{field}' must be a date between 1990 and 2100.", field));
        return this;
    }

    private static bool IsHidden(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public ProblemCollector Id(string? value, string field)
    {
        if (value is not null && !System.Text.RegularExpressions.Regex.IsMatch(value, "^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$"))
            _problems.Add(new Problem($"'{field}' must be 1 to 100 letters, digits, dashes or underscores.", field));
        return this;
    }

    public ProblemCollector Check(bool ok, string field, string message)
    {
        if (!ok) _problems.Add(new Problem(message, field));
        return this;
    }

    /// <summary>The problems so far, for a caller that lists them rather than refuses (a bad row of an import file).</summary>
    public IReadOnlyList<Problem> Problems => _problems;

    public void ThrowIfAny()
    {
        if (_problems.Count > 0) throw new RequestValidationException(_problems);
    }
}

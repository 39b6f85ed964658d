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

    public void ThrowIfAny()
    {
        if (_problems.Count > 0) throw new RequestValidationException(_problems);
    }
}

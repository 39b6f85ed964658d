namespace SendWorkflow.Send.CpdAudits;

/// <summary>definitions/cpd-audit.json can't be read: names the file and every problem, so the service does not start half-right.</summary>
public sealed class CpdAuditDefinitionException(string file, IReadOnlyList<string> problems)
    : Exception($"The CPD audit in {file} is not valid: {string.Join(" ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

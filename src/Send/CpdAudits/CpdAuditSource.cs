namespace SendWorkflow.Send.CpdAudits;

/// <summary>The audit read from the definitions folder at start-up; a folder without one (a test's own) has none.</summary>
public sealed class CpdAuditSource(CpdAuditDefinition? audit)
{
    public CpdAuditDefinition Audit =>
        audit ?? throw new NotFoundException($"No CPD audit is installed: the definitions folder has no {CpdAuditFile.FileName}.");
}

using SendWorkflow.Send.CpdAudits;

// In the container's namespace, as AddX methods usually are, so the host's composition reads without a using per area.
namespace Microsoft.Extensions.DependencyInjection;

public static class CpdAuditServices
{
    /// <summary>Reads definitions/cpd-audit.json now, so a broken file stops the service starting, and registers the audit.</summary>
    public static IServiceCollection AddCpdAudit(this IServiceCollection services, string definitionsFolder) =>
        services.AddSingleton(new CpdAuditSource(CpdAuditFile.LoadFrom(definitionsFolder))).AddSingleton<CpdAudits>();
}

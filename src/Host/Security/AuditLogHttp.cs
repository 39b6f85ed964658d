using SendWorkflow.Send.Audit;

namespace SendWorkflow.Host.Security;

public static class AuditLogHttp
{
    /// <summary>Audits what an API request did, with its method, path and the caller's address.</summary>
    public static void Record(this AuditLog audit, HttpContext http, string action, string resource, string? resourceId, string? pupilId,
        string? schoolId, int status) =>
        audit.Record(http.User, http.Request.Method, http.Request.Path.Value ?? "", http.Connection.RemoteIpAddress?.ToString(),
            action, resource, resourceId, pupilId, schoolId, status);
}

namespace SendWorkflow.Host.Security;

public static class AuditLogHttp
{
    /// <summary>The entry for what an API request did, with its method, path and the caller's address.</summary>
    public static AuditEntryRecord Entry(this AuditLog audit, HttpContext http, string action, AuditSubject subject, int status) =>
        audit.Entry(http.User, new AuditRequest(http.Request.Method, http.Request.Path.Value ?? "", http.Connection.RemoteIpAddress?.ToString()),
            action, subject, status);

    /// <summary>Audits what an API request did, durably, before it is answered.</summary>
    public static Task RecordAsync(this AuditLog audit, HttpContext http, string action, AuditSubject subject, int status) =>
        audit.RecordAsync(audit.Entry(http, action, subject, status), http.RequestAborted);
}

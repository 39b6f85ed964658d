namespace SendWorkflow.Send.Audit;

public static class AuditActions
{
    public const string Read = "read";
    public const string Change = "change";
    /// <summary>Signed in, but outside their scope or role.</summary>
    public const string Denied = "denied";
    /// <summary>Credentials refused: a forged, expired or wrong token or password.</summary>
    public const string Rejected = "rejected";
    /// <summary>A change refused: bad input, or a form posted again after it was done.</summary>
    public const string Refused = "refused";
}

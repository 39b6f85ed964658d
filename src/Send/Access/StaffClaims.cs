namespace SendWorkflow.Send.Access;

/// <summary>Claims a signed-in member of staff carries, beside their id, name and role.</summary>
public static class StaffClaims
{
    public const string School = "sendwf:school";
    public const string Borough = "sendwf:borough";
    public const string Class = "sendwf:class";
}

namespace SendWorkflow.Send.Definitions;

/// <summary>
/// Whose variant of a definition: the default shipped in definitions/ (""), a borough's own ("borough:{id}") or a
/// school's own ("school:{id}"). A pupil runs their school's variant, else their borough's, else the default. A SENCo
/// edits and publishes their school's, an LA officer their borough's, an administrator any (the default by default).
/// </summary>
public static class DefinitionScope
{
    public const string Default = "";

    public static string School(string schoolId) => $"school:{schoolId}";

    public static string Borough(string boroughId) => $"borough:{boroughId}";

    /// <summary>The variants a pupil of this school and borough may run, the nearest first.</summary>
    public static IReadOnlyList<string> ChainFor(string schoolId, string boroughId) => [School(schoolId), Borough(boroughId), Default];

    /// <summary>The variant a caller works on unless they name another: their school's, their borough's, or the default.</summary>
    public static string OwnOf(Caller caller) => caller.Role switch
    {
        StaffRoles.Senco or StaffRoles.Headteacher when caller.SchoolId is { } school => School(school),
        StaffRoles.LaOfficer when caller.BoroughId is { } borough => Borough(borough),
        _ => Default,
    };

    /// <summary>Whether the caller may change (save, publish, revert) this variant.</summary>
    public static bool MayChange(Caller caller, string scope) => caller.IsAdministrator
        || (caller.Role == StaffRoles.Senco && caller.SchoolId is { } school && scope == School(school))
        || (caller.Role == StaffRoles.LaOfficer && caller.BoroughId is { } borough && scope == Borough(borough));

    /// <summary>"Oakfield's own", "the borough's own", "the default": for people.</summary>
    public static string Describe(string scope) => scope switch
    {
        Default => "the default",
        _ when scope.StartsWith("school:", StringComparison.Ordinal) => $"school {scope["school:".Length..]}'s own",
        _ when scope.StartsWith("borough:", StringComparison.Ordinal) => $"borough {scope["borough:".Length..]}'s own",
        _ => scope,
    };

    public static bool IsValid(string scope) => scope == Default
        || System.Text.RegularExpressions.Regex.IsMatch(scope, "^(school|borough):[A-Za-z0-9][A-Za-z0-9_-]{0,99}$");
}

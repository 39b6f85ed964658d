namespace SendWorkflow.Send.Statutory;

/// <summary>The exceptions to the time limits the regulations allow (regs 5(4), 10(4), 13(3)).</summary>
public static class ExceptionKinds
{
    public const string SchoolClosed = "school-closed";
    public const string EarlyYearsProviderClosed = "early-years-provider-closed";
    public const string PersonalCircumstances = "personal-circumstances";
    public const string FamilyAbsent = "family-absent";

    public static readonly IReadOnlyDictionary<string, string> Described = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SchoolClosed] = "the school was closed for 4 or more continuous weeks",
        [EarlyYearsProviderClosed] = "the early-years provider was closed for 4 or more continuous weeks",
        [PersonalCircumstances] = "exceptional personal circumstances of the child or parent",
        [FamilyAbsent] = "the family was absent from the area for 4 or more continuous weeks",
    };

    /// <summary>Kinds the law only allows when they last 4 continuous weeks or more.</summary>
    public static bool NeedsFourWeeks(string kind) => kind is SchoolClosed or EarlyYearsProviderClosed or FamilyAbsent;
}

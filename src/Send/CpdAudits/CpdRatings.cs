namespace SendWorkflow.Send.CpdAudits;

/// <summary>How far the school is from each statement of outstanding practice, in the words SENCos use.</summary>
public static class CpdRatings
{
    public const string NotYet = "not yet";
    public const string Developing = "developing";
    public const string Secure = "secure";
    public const string Outstanding = "outstanding";

    public static readonly IReadOnlyList<string> All = [NotYet, Developing, Secure, Outstanding];
}

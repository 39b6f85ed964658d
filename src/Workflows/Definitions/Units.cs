namespace SendWorkflow.Workflows.Definitions;

public static class Units
{
    public const string Days = "days";
    public const string Weeks = "weeks";
    public const string Months = "months";
    public const string SchoolDays = "schoolDays";
    public const string SchoolWeeks = "schoolWeeks";
    public const string HalfTerms = "halfTerms";
    public const string Terms = "terms";
    public const string Number = "number";

    public static readonly IReadOnlyList<string> All =
        [Days, Weeks, Months, SchoolDays, SchoolWeeks, HalfTerms, Terms, Number];

    public static bool IsSchoolTime(string unit) => unit is SchoolDays or SchoolWeeks or HalfTerms or Terms;

    /// <summary>Plain words for "6 school weeks", "1 term".</summary>
    public static string Describe(double amount, string unit)
    {
        var n = amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var one = amount == 1;
        return unit switch
        {
            Days => $"{n} {(one ? "day" : "days")}",
            Weeks => $"{n} {(one ? "week" : "weeks")}",
            Months => $"{n} {(one ? "month" : "months")}",
            SchoolDays => $"{n} school {(one ? "day" : "days")}",
            SchoolWeeks => $"{n} school {(one ? "week" : "weeks")}",
            HalfTerms => $"{n} {(one ? "half term" : "half terms")}",
            Terms => $"{n} {(one ? "term" : "terms")}",
            _ => n,
        };
    }
}

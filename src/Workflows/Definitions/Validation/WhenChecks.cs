using System.Globalization;

namespace SendWorkflow.Workflows.Definitions.Validation;

/// <summary>Checks an offset or calendar point against the definition's parameters and milestones.</summary>
internal static class WhenChecks
{
    /// <param name="target">The problem's target: "state" and the state's id, for example.</param>
    public static void Check(WorkflowDefinition d, When w, string what, (string Kind, string? Id) target, DefinitionProblems p)
    {
        var (kind, id) = target;
        if (w.CountSet() != 1)
        {
            p.Error("invalid-time",
                $"{what} must give exactly one of days, weeks, months, schoolDays, schoolWeeks, halfTerms, terms, param, next, date or endOfTerm.",
                kind, id);
            return;
        }
        foreach (var amount in new[] { w.Days, w.Weeks, w.Months, w.SchoolDays, w.SchoolWeeks, w.HalfTerms, w.Terms })
        {
            if (amount < 0) p.Error("negative-time", $"{what} cannot be a negative time.", kind, id);
        }
        if (IsFractional(w.HalfTerms) || IsFractional(w.Terms) || IsFractional(w.Months))
            p.Error("fractional-time", $"{what} must count whole terms, half terms and months.", kind, id);
        if (w.Milestone() is { } milestone)
        {
            if (!d.Events.Values.Any(e => e.Milestone?.Id == milestone))
            {
                p.Error("unknown-milestone",
                    $"{what} counts from milestone '{milestone}', which no event of this definition records.", kind, id);
            }
        }
        else if (w.From is not (null or "state" or "start"))
        {
            p.Error("invalid-from", $"{what} counts from '{w.From}'; use \"state\", \"start\" or \"milestone:<id>\".", kind, id);
        }
        if (w.Param is { } name)
        {
            if (!d.Parameters.TryGetValue(name, out var param))
                p.Error("unknown-parameter", $"{what} uses parameter '{name}', which is not defined.", kind, id);
            else if (param.Unit == Units.Number)
                p.Error("parameter-not-time", $"{what} uses parameter '{name}', which is a number, not a time.", kind, id);
        }
        if (w.Date is { } date
            && !DateTime.TryParseExact("2000-" + date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            p.Error("invalid-date", $"{what} has date '{date}', which is not a day of the year as MM-dd.", kind, id);
        }
        if (w.EndOfTerm is { } term && !When.TermsOfTheYear.Contains(term))
        {
            p.Error("invalid-term",
                $"{what} is set to the end of term '{term}', which is not a term of the year (endOfTerm is autumn, spring or summer).", kind, id);
        }
    }

    public static bool IsZero(When w) =>
        (w.Days ?? w.Weeks ?? w.Months ?? w.SchoolDays ?? w.SchoolWeeks ?? w.HalfTerms ?? w.Terms) == 0;

    private static bool IsFractional(double? amount) => amount is { } a && a != Math.Floor(a);
}

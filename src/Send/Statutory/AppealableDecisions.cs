namespace SendWorkflow.Send.Statutory;

/// <summary>
/// The decisions of a statutory case a family may appeal to the First-tier Tribunal (SEND), each dated by a milestone of
/// its workflow: a decision not to assess, not to issue a plan, to cease a plan (when the case ended so), and each final
/// or amended plan. The family has 2 months from the decision letter, or 1 month from a mediation certificate if later.
/// </summary>
public static class AppealableDecisions
{
    /// <param name="Milestone">The milestone that dates the decision letter; its latest date is the decision's.</param>
    /// <param name="EndedIn">The state the case must have ended in for the milestone to be this decision (null: any).</param>
    public sealed record Decision(string DefinitionId, string Milestone, string? EndedIn, string Words);

    public static readonly IReadOnlyList<Decision> All =
    [
        new(StatutoryMeasures.Assessment, StatutoryMeasures.DecisionToAssess, "not-assessed",
            "the decision not to carry out an EHC needs assessment"),
        new(StatutoryMeasures.Assessment, StatutoryMeasures.DecisionToIssue, "no-plan", "the decision not to issue an EHC plan"),
        new(StatutoryMeasures.Assessment, StatutoryMeasures.FinalPlan, null, "the final EHC plan (the needs, provision or school it names)"),
        new(StatutoryMeasures.Reassessment, StatutoryMeasures.DecisionToAssess, "not-assessed",
            "the decision not to re-assess the pupil's needs"),
        new(StatutoryMeasures.Reassessment, StatutoryMeasures.DecisionToIssue, "no-plan",
            "the decision not to change the EHC plan after re-assessment"),
        new(StatutoryMeasures.Reassessment, StatutoryMeasures.FinalPlan, null, "the EHC plan issued after re-assessment"),
        new(StatutoryMeasures.AnnualReview, "amended-plan", null, "the amended EHC plan (the needs, provision or school it names)"),
        new(StatutoryMeasures.AnnualReview, StatutoryMeasures.ReviewDecision, "ceased", "the decision to cease the EHC plan"),
    ];

    public const int MonthsFromLetter = 2;
    public const int MonthsFromCertificate = 1;

    /// <summary>The last day to appeal: 2 months from the letter, or 1 month from a mediation certificate if that is later.</summary>
    public static DateOnly AppealBy(DateOnly letterOn, DateOnly? certificateOn)
    {
        var fromLetter = letterOn.AddMonths(MonthsFromLetter);
        return certificateOn is { } c && c.AddMonths(MonthsFromCertificate) > fromLetter ? c.AddMonths(MonthsFromCertificate) : fromLetter;
    }
}

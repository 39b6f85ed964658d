namespace SendWorkflow.Send.Statutory;

/// <summary>
/// Where the SEN2 timeliness measures come from: the definitions, their milestones, and the parameters whose
/// statutory limit ("law") is the yardstick. Borough values never move the yardstick.
/// </summary>
public static class StatutoryMeasures
{
    public const string Assessment = "ehcp-assessment";
    /// <summary>A re-assessment of a pupil who has a plan (reg 27): the same steps, its own limit; not a new plan in SEN2's counts.</summary>
    public const string Reassessment = "ehcp-reassessment";
    public const string AnnualReview = "ehcp-annual-review";

    public const string DecisionToAssess = "decision-to-assess";
    public const string DecisionToIssue = "decision-to-issue";
    public const string FinalPlan = "final-plan";
    public const string ReviewMeeting = "review-meeting";
    public const string ReviewDecision = "review-decision";

    public const string DecisionToAssessLimit = "decisionToAssessWeeks";
    public const string NoPlanNoticeLimit = "noPlanNoticeWeeks";
    public const string FinalPlanLimit = "finalPlanWeeks";
    public const string ReviewDecisionLimit = "reviewDecisionWeeks";
}

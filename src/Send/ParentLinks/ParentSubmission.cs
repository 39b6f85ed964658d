namespace SendWorkflow.Send.ParentLinks;

/// <summary>What became of a parent's answer, for the page to say.</summary>
public enum ParentSubmissionOutcome
{
    /// <summary>Recorded on the pupil's record.</summary>
    Recorded,

    /// <summary>Something to put right first; nothing was recorded.</summary>
    Invalid,

    /// <summary>The link can't be used (used, expired, revoked or never made); nothing was recorded, and the page says no more.</summary>
    Refused,
}

/// <summary>The outcome, with what the page may show (the child's first name and the school's) and the problems to put right.</summary>
public sealed record ParentSubmission(ParentSubmissionOutcome Outcome, ParentPage? Page, IReadOnlyList<Problem> Problems)
{
    public static readonly ParentSubmission Refused = new(ParentSubmissionOutcome.Refused, null, []);
}

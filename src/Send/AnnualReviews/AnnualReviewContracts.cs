namespace SendWorkflow.Send.AnnualReviews;

/// <summary>
/// One EHC plan's annual review as the borough watches it: the current cycle's meeting (due, held), the school's report
/// (expected, received), whether it is late and by how many days, and why the school notified the LA of the meeting.
/// </summary>
/// <param name="Status">"due" (the meeting is not held yet), "held" (held, the report awaited) or "received" (the report came).</param>
/// <param name="Late">The meeting was not held by its due date, or the report has not arrived by the expected date.</param>
/// <param name="DaysLate">How many days past that date, today.</param>
/// <param name="NotifiedFor">Why the LA attends: looked after, Year 5 or 9, a major change in provision may be asked for.</param>
public sealed record AnnualReviewRow(
    Guid InstanceId, string PupilId, string PupilName, int YearGroup, bool LookedAfter, string SchoolId, string SchoolName,
    string State, string StateName, string Status, DateOnly? ReviewDueOn, DateOnly? HeldOn, DateOnly? ReportExpectedOn,
    DateOnly? ReportReceivedOn, bool Late, int DaysLate, string? LateBecause, DateOnly? NotifiedOn, IReadOnlyList<string> NotifiedFor,
    bool LaAttends);

/// <summary>A school's annual reviews in numbers: plans under review, meetings due, held, reports received, late.</summary>
public sealed record SchoolAnnualReviewSummary(
    string SchoolId, string SchoolName, int Plans, int Due, int Held, int ReportsReceived, int Late, int ReportsLate);

/// <summary>The statuses the borough's list can be narrowed to.</summary>
public static class AnnualReviewStatuses
{
    public const string Due = "due";
    public const string Held = "held";
    public const string Received = "received";
    public const string Late = "late";
    public const string All = "all";

    /// <summary>What <c>?status=</c> accepts: held includes the reviews whose report has come.</summary>
    public static readonly IReadOnlyList<string> Filters = [Late, Due, Held, All];
}

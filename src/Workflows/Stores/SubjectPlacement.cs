namespace SendWorkflow.Workflows.Stores;

/// <summary>
/// What the runtime needs to know of the subject an instance belongs to: where it sits, its year group and whether it is
/// looked after (both facts the rules read). No names.
/// </summary>
public sealed record SubjectPlacement(string SubjectId, string SchoolId, string BoroughId, int YearGroup, bool LookedAfter = false)
{
    /// <summary>The move the subject makes at the end of this year, if any (e.g. to the next phase): conditional tasks read it.</summary>
    public string? Transfer { get; init; }
}

namespace SendWorkflow.Workflows.Stores;

/// <summary>
/// What the runtime needs to know of the subject an instance belongs to: where it sits, its year group and whether it is
/// looked after (both facts the rules read). No names.
/// </summary>
public sealed record SubjectPlacement(string SubjectId, string SchoolId, string BoroughId, int YearGroup, bool LookedAfter = false);

namespace SendWorkflow.Workflows.Stores;

/// <summary>
/// What the runtime needs to know of the subject an instance belongs to: where it sits and its year group. No names.
/// </summary>
public sealed record SubjectPlacement(string SubjectId, string SchoolId, string BoroughId, int YearGroup);

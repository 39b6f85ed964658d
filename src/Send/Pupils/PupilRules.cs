using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.Pupils;

/// <summary>
/// What a pupil's details must be, wherever they come from: typed in (<see cref="PupilDirectory"/>) or read from the
/// school's MIS (<see cref="MisImport.MisFile"/>). Each check names the field as the caller knows it: a request's
/// property, or a CSV file's column.
/// </summary>
public static class PupilRules
{
    /// <summary>A pupil is at most 25: SEN support runs to age 25.</summary>
    public const int OldestAge = 26;

    public static bool IsInFuture(DateOnly dateOfBirth, DateOnly today) => dateOfBirth > today;

    public static ProblemCollector DateOfBirth(this ProblemCollector problems, DateOnly? dateOfBirth, DateOnly today, string field) =>
        problems.Check(dateOfBirth is null || (!IsInFuture(dateOfBirth.Value, today) && dateOfBirth >= today.AddYears(-OldestAge)), field,
            $"'{field}' must be in the past and within the last {OldestAge} years (SEN support runs to age 25).");

    public static ProblemCollector YearGroup(this ProblemCollector problems, int? yearGroup, string field) =>
        problems.Check(yearGroup is null or >= -1 and <= 14, field, $"'{field}' must be -1 (nursery), 0 (reception) or 1 to 14.");

    public static ProblemCollector ClassName(this ProblemCollector problems, string? className, string field) =>
        string.IsNullOrEmpty(className) ? problems : problems.Name(className, field, 50);

    public static ProblemCollector PrimaryNeed(this ProblemCollector problems, string? primaryNeed, string field) =>
        problems.Check(primaryNeed is null || CensusNeeds.All.ContainsKey(primaryNeed), field,
            $"'{primaryNeed}' is not a census code of need (use one of {string.Join(", ", CensusNeeds.All.Keys)}).");
}

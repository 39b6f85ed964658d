namespace SendWorkflow.Send.Workspace;

public sealed record InboxItem(
    Guid TaskId, Guid InstanceId, string PupilId, string PupilName, string? ClassName, int? Stage, string State, string Title,
    string Role, string Kind, DateOnly DueOn, bool Overdue, bool DueSoon, string? Raises);

public sealed record SchoolFigures(
    string SchoolId, DateOnly On, IReadOnlyDictionary<string, int> PupilsByStage, int SenSupport, int EhcPlans,
    int OpenReviews, int OverdueReviews, int OverdueTasks);

public sealed record SenRegisterRow(
    string PupilId, string Name, int YearGroup, string? ClassName, int? Stage, string StageName, DateOnly Since, string CensusCode,
    string? PrimaryNeed);

public sealed record OverdueReviewRow(Guid TaskId, string PupilId, string Name, string? ClassName, string Title, string Role, DateOnly DueOn,
    int DaysOverdue);

/// <summary>A provision on the school's map, with the pupil it is for.</summary>
public sealed record ProvisionMapRow(ProvisionDto Provision, string Name, string? ClassName);

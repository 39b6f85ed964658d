namespace SendWorkflow.Send.Workspace;

/// <summary>What the inbox page shows of a submitted form: the problems to fix, or the pupil as they are now.</summary>
public sealed record TaskSubmission(bool Completed, IReadOnlyList<Problem> Problems, string? Message, PupilRecordView? Pupil)
{
    public static TaskSubmission Refused(string message) => new(false, [], message, null);
    public static TaskSubmission Invalid(IReadOnlyList<Problem> problems) => new(false, problems, null, null);
}

/// <summary>A task opened from the inbox, with its form, and whether it is still open to complete.</summary>
public sealed record OpenedTask(Guid TaskId, string PupilId, string Title, string Kind, DateOnly DueOn, IReadOnlyList<FormField> Fields,
    bool IsOpen = true);

/// <summary>The school a page shows, and whether the user may see it.</summary>
public sealed record SchoolChoice(string? SchoolId, string? Name);

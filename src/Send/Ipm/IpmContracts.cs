namespace SendWorkflow.Send.Ipm;

/// <summary>A target to add, or the fields of one to change (only those given change).</summary>
public sealed record TargetRequest(string? Text, string? SuccessCriteria, DateOnly? SetOn = null, string? Status = null);

/// <summary>A target's score at one review.</summary>
public sealed record TargetScoreDto(DateOnly On, int Score, string Words, string? Note, Guid? TaskId);

/// <summary>A target on the pupil's individual provision map, with its scores over time, oldest first.</summary>
public sealed record TargetDto(
    Guid Id, string PupilId, string Text, string SuccessCriteria, DateOnly SetOn, string Status, DateOnly? ClosedOn,
    IReadOnlyList<TargetScoreDto> Scores);

/// <summary>An intervention's measure of impact at one review.</summary>
public sealed record ImpactDto(Guid ProvisionId, DateOnly On, string Level, Guid? TaskId);

/// <summary>
/// A review that scored targets: when, at which state of which workflow, the progress recorded and the progress the
/// scores gave (they differ only when the teacher said why).
/// </summary>
public sealed record ScoredReviewDto(
    Guid? TaskId, DateOnly On, string State, string? Progress, string? ProgressFromTargets, string? Reason, double MeanScore);

/// <summary>A pupil's individual provision map as reviews see it: targets with their scores, the reviews, and impacts.</summary>
public sealed record IpmView(string PupilId, IReadOnlyList<TargetDto> Targets, IReadOnlyList<ScoredReviewDto> Reviews,
    IReadOnlyList<ImpactDto> Impacts);

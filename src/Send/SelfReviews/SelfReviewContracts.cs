namespace SendWorkflow.Send.SelfReviews;

/// <summary>
/// A school's self-review for a year beside last year's: every dimension and descriptor with this year's level and
/// evidence and last year's, the SEN audit's figures, the critical-friend meeting, the agreed work plan and its review,
/// the school's educational psychologist, and where the year's workflow stands.
/// </summary>
/// <param name="Figures">The year's SEN audit figures: as the school saved them, else the register's today.</param>
/// <param name="RegisterFigures">The register's figures today, for the school to confirm or correct.</param>
public sealed record SelfReviewDto(
    string SchoolId, string SchoolName, string AcademicYear, string LastYear, IReadOnlyList<SelfReviewScaleLevel> Scale,
    string? EvidencePrompt, string? ImprovePrompt, IReadOnlyList<SelfReviewDimensionDto> Dimensions, SenFigures Figures,
    SenFigures RegisterFigures, bool FiguresSaved, SenFigures? LastYearFigures, SelfReviewMeetingDto? Meeting,
    IReadOnlyList<WorkPlanLineDto> WorkPlan, DateOnly? WorkPlanAgreedOn, string? WorkPlanAgreedBy, WorkPlanReviewDto? Review,
    EducationalPsychologistDto? EducationalPsychologist, SelfReviewProgressDto? Progress, DateTimeOffset? SavedAt, string? SavedBy,
    DateTimeOffset? CompletedAt);

/// <param name="Level">The mean of its descriptors' levels this year (one decimal); null when none has one.</param>
public sealed record SelfReviewDimensionDto(
    string Id, int Number, string Title, string Question, double? Level, double? LastYearLevel, bool ForDiscussion, bool LastYearForDiscussion,
    string? ImproveNotes, IReadOnlyList<SelfReviewDescriptorDto> Descriptors);

public sealed record SelfReviewDescriptorDto(
    string Id, string ShortText, string Text, int? Level, string? Evidence, int? LastYearLevel, string? LastYearEvidence);

/// <summary>The SEN audit's figures: pupils on roll, on the register at each stage of the pathway, and by primary need.</summary>
/// <param name="ByStage">Pupils at each stage of the pathway ("1" to "6").</param>
/// <param name="SenSupport">Pupils at SEN support (stages 3 to 5).</param>
/// <param name="EhcPlans">Pupils with an EHC plan (stage 6).</param>
/// <param name="ByPrimaryNeed">Pupils on the register (stages 3 to 6) by census primary need; "NONE" for not recorded.</param>
public sealed record SenFigures(
    int OnRoll, IReadOnlyDictionary<string, int> ByStage, int SenSupport, int EhcPlans, IReadOnlyDictionary<string, int> ByPrimaryNeed);

public sealed record SelfReviewMeetingDto(DateOnly HeldOn, string RecordedBy, string? Attendees);

public sealed record WorkPlanLineDto(
    int Number, string? DimensionId, string Area, string Action, string? Owner, DateOnly? DueOn, string? ReviewStatus, string? ReviewNotes);

public sealed record WorkPlanReviewDto(DateOnly ReviewedOn, string ReviewedBy, string? Summary);

public sealed record EducationalPsychologistDto(string UserId, string DisplayName);

/// <summary>The year's self-review workflow: its stage and the open tasks, with who does them and by when.</summary>
public sealed record SelfReviewProgressDto(
    Guid InstanceId, string State, string StateName, string Status, IReadOnlyList<SelfReviewTaskDto> OpenTasks);

public sealed record SelfReviewTaskDto(Guid Id, string Title, string Role, DateOnly DueOn);

/// <summary>
/// The school's self-review: the levels given (what is left out of a list sent is no longer levelled; a list left out keeps
/// what was saved), the dimensions to discuss, the SEN audit figures (left out: kept, or the register's), and whether it is
/// now complete (every descriptor levelled, a dimension chosen, which completes the September task).
/// </summary>
public sealed record SaveSelfReviewRequest(
    IReadOnlyList<SelfReviewLevelInput?>? Levels, IReadOnlyList<string?>? Discussion, SenFiguresInput? Figures, bool? Complete);

/// <param name="Level">1 to 4 on the scale.</param>
/// <param name="Evidence">"How would I know that was happening?"</param>
public sealed record SelfReviewLevelInput(string? DescriptorId, int? Level, string? Evidence);

public sealed record SenFiguresInput(
    int? OnRoll, Dictionary<string, int>? ByStage, int? SenSupport, int? EhcPlans, Dictionary<string, int>? ByPrimaryNeed);

/// <summary>The critical-friend meeting: when, who came, and against each dimension discussed what else could improve it by one point.</summary>
public sealed record RecordMeetingRequest(DateOnly? HeldOn, string? Attendees, IReadOnlyList<DimensionNotesInput?>? Notes);

public sealed record DimensionNotesInput(string? DimensionId, string? Notes);

/// <summary>The agreed work plan, whole: its lines replace those saved.</summary>
public sealed record AgreeWorkPlanRequest(DateOnly? AgreedOn, IReadOnlyList<WorkPlanLineInput?>? Lines);

public sealed record WorkPlanLineInput(string? DimensionId, string? Area, string? Action, string? Owner, DateOnly? DueOn);

/// <summary>The June or July review of the work plan: each line's outcome, and what the review concluded.</summary>
public sealed record ReviewWorkPlanRequest(DateOnly? ReviewedOn, string? Summary, IReadOnlyList<WorkPlanReviewInput?>? Lines);

/// <param name="Status">"done", "partly done", "not done" or "carried forward".</param>
public sealed record WorkPlanReviewInput(int? Number, string? Status, string? Notes);

using SendWorkflow.Rules;

namespace SendWorkflow.Send.Cases;

/// <summary>"Why is this pupil still here?": each way out of the current state and how near its rule is to holding.</summary>
public sealed record InstanceExplanationDto(
    Guid InstanceId, string State, string StateName, Facts Facts, IReadOnlyList<FindingDto> Findings,
    IReadOnlyList<TransitionExplanationDto> Transitions);

/// <param name="Id">The finding's id in the definition.</param>
/// <param name="Label">How staff see it.</param>
public sealed record FindingDto(string Id, string Label, string? Description);

/// <param name="Holds">Whether the rule holds now, with no data recorded with the event.</param>
/// <param name="DependsOnEvent">Whether the rule reads what is recorded with the event, which only the event can tell.</param>
/// <param name="Words">The same in plain words, e.g. "To move on to Initial concern when a review is completed: ...".</param>
public sealed record TransitionExplanationDto(
    string TransitionId, string Event, string To, string ToName, string? Label, string? Rule, string? Expression, bool Holds,
    bool DependsOnEvent, IReadOnlyList<ConditionExplanation> Conditions, string Words);

/// <summary>One running workflow of a pupil and the findings that hold for it now.</summary>
/// <param name="Workflow">The workflow's name, e.g. "SEND graduated pathway".</param>
/// <param name="StateName">Where the pupil is in it.</param>
public sealed record WorkflowFindingsDto(Guid InstanceId, string Workflow, string StateName, IReadOnlyList<FindingDto> Findings);

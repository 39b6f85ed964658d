namespace SendWorkflow.Send.Flow;

/// <summary>
/// How pupils flow through a definition (issue 16, point 3): per state the pupils in it now, the median time they have
/// spent there in school weeks and the share with overdue tasks; per arrow how many pupils took it in the period.
/// Counts only, within the caller's scope: no pupil is named.
/// </summary>
/// <param name="Versions">The versions counted: the running one, or every version (states matched by id).</param>
/// <param name="AllVersions">Whether every version was counted.</param>
/// <param name="Today">The UK date the times in state and the overdue tasks are measured at.</param>
/// <param name="From">The first day of the period the arrows count (UK date).</param>
/// <param name="To">The last day of the period the arrows count (UK date).</param>
/// <param name="Pupils">Pupils running the counted versions now.</param>
public sealed record FlowDto(
    string DefinitionId, string Name, IReadOnlyList<int> Versions, bool AllVersions, DateOnly Today, DateOnly From, DateOnly To, int Pupils,
    IReadOnlyList<FlowStateDto> States, IReadOnlyList<FlowArrowDto> Arrows);

/// <param name="Pupils">Pupils in the state now.</param>
/// <param name="MedianSchoolWeeks">
/// The median time they have spent in it, in school weeks (5 school days; holidays don't count); null when empty.
/// </param>
/// <param name="WithOverdueTasks">Pupils in the state with at least one open task past its due date.</param>
/// <param name="OverduePercent">That share in per cent, to one decimal; null when the state is empty.</param>
public sealed record FlowStateDto(
    string StateId, string Name, int? Stage, int Pupils, double? MedianSchoolWeeks, int WithOverdueTasks, double? OverduePercent);

/// <summary>An arrow between two states and how many pupils took it in the period, with each transition drawn along it.</summary>
/// <param name="Pupils">Pupils who took the arrow in the period (each once, however often they took it).</param>
public sealed record FlowArrowDto(string From, string To, int Pupils, IReadOnlyList<FlowTransitionDto> Transitions);

/// <summary>One transition of the definition (an arrow on the canvas) and the pupils who took it in the period.</summary>
public sealed record FlowTransitionDto(string TransitionId, int Pupils);

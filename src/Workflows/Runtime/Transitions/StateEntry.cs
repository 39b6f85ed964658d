namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>How an instance enters a state.</summary>
/// <param name="EnteredBy">start, or how the transition names the entry (<see cref="EntryName"/>): the facts see it.</param>
/// <param name="Via">The transition taken; empty at the start.</param>
/// <param name="YearGroup">The subject's year group, which conditional tasks may read.</param>
/// <param name="Data">The data of the event that caused the entry, if any.</param>
internal sealed record StateEntry(StateDefinition State, string EnteredBy, string Via, int YearGroup, EventData? Data = null)
{
    public const string Start = "start";

    /// <summary>Whether the subject is looked after, which conditional tasks may read too.</summary>
    public bool LookedAfter { get; init; }

    public static StateEntry AtStart(StateDefinition state, SubjectPlacement subject) =>
        new(state, Start, "", subject.YearGroup) { LookedAfter = subject.LookedAfter };
}

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

    /// <summary>The move the subject makes at the end of this year (<see cref="SubjectPlacement.Transfer"/>).</summary>
    public string? Transfer { get; init; }

    public static StateEntry AtStart(StateDefinition state, SubjectPlacement subject) => Of(state, Start, "", subject);

    /// <summary>What the facts read of the subject, as the entry carries it.</summary>
    public SubjectPlacement Placement(WorkflowInstance instance) =>
        new(instance.SubjectId, instance.SchoolId, instance.BoroughId, YearGroup, LookedAfter) { Transfer = Transfer };

    /// <summary>An entry with what conditional tasks read of the subject.</summary>
    public static StateEntry Of(StateDefinition state, string enteredBy, string via, SubjectPlacement subject, EventData? data = null) =>
        new(state, enteredBy, via, subject.YearGroup, data) { LookedAfter = subject.LookedAfter, Transfer = subject.Transfer };
}

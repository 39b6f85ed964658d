namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>How an entry by a transition is named for the facts: as the transition says, else from the stage numbers.</summary>
internal static class EntryName
{
    public static string Of(TransitionDefinition taken, StateDefinition from, StateDefinition to)
    {
        if (taken.EnteredAs is { } named) return named;
        if (from.Stage is { } a && to.Stage is { } b) return b > a ? "escalation" : b < a ? "step-down" : "transition";
        return to.Terminal ? "step-down" : "transition";
    }
}

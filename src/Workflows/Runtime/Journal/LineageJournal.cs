namespace SendWorkflow.Workflows.Runtime.Journal;

/// <summary>The chronology of starting workflows: a start, a child workflow started by a state, the parent told how it ended.</summary>
internal static class LineageJournal
{
    public static void Started(JournalScope scope, CompiledDefinition definition, string initialState) =>
        scope.Write(JournalKinds.Started, initialState, $"Started {definition.Definition.Name} (version {definition.Version}).");

    /// <summary>On the child: started by the parent's state, counting from <paramref name="from"/> when that is earlier.</summary>
    public static void StartedByParent(JournalScope scope, CompiledDefinition child, StateDefinition parentState, Guid parentId,
        DateTime from)
    {
        var counting = from < scope.At ? $", counting from {UkTime.Format(UkTime.DateOfUtc(from))}." : ".";
        scope.Write(JournalKinds.Started, child.Definition.InitialState,
            $"Started {child.Definition.Name} (version {child.Version}) from {parentState.Name}{counting}",
            new { parentInstanceId = parentId });
    }

    /// <summary>On the parent: the state started a child workflow.</summary>
    public static void ChildStarted(JournalScope scope, StateDefinition state, CompiledDefinition child, Guid childId) =>
        scope.Write(JournalKinds.ChildStarted, state.Id, $"Started {child.Definition.Name} (version {child.Version}).",
            new { childInstanceId = childId, definition = child.Id, version = child.Version });

    public static void ChildAlreadyRunning(JournalScope scope, StateDefinition state, CompiledDefinition child, Guid running) =>
        scope.Write(JournalKinds.ChildStarted, state.Id,
            $"{child.Definition.Name} is already running for this subject; it was not started again.",
            new { childInstanceId = running, definition = child.Id });

    public static void ParentEnded(JournalScope scope, StateDefinition state, ParentNotification notification) =>
        scope.Write(JournalKinds.ParentNotWaiting, state.Id,
            $"Ended in {state.Name}; the workflow that started it has ended, so '{notification.Event}' was not sent.");

    public static void ParentMovedOn(JournalScope scope, StateDefinition state, ParentNotification notification, string parentState) =>
        scope.Write(JournalKinds.ParentNotWaiting, state.Id,
            $"Ended in {state.Name}; the workflow that started it has moved on to '{parentState}', "
            + $"which does not wait for '{notification.Event}'.");
}

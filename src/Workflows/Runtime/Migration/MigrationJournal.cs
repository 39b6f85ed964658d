namespace SendWorkflow.Workflows.Runtime.Migration;

/// <summary>The journal line of a move to another version: from which version to which, and where the instance now is.</summary>
internal static class MigrationJournal
{
    public static void Moved(JournalScope scope, MigrationVersions versions, (StateDefinition From, StateDefinition To) states,
        string? reference)
    {
        var by = scope.Actor is { Length: > 0 } actor ? $" by {actor}" : "";
        var where = states.From.Id == states.To.Id
            ? $"stays in {states.To.Name}, keeping the time it entered it"
            : $"{states.From.Name} becomes {states.To.Name}";
        scope.Write(JournalKinds.Migrated, states.To.Id, $"Moved from version {versions.From} to version {versions.To}{by}: {where}.",
            new { fromVersion = versions.From, toVersion = versions.To, fromState = states.From.Id, toState = states.To.Id, reference });
    }
}

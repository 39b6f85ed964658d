namespace SendWorkflow.Workflows.Runtime.Migration;

/// <summary>
/// Moves one instance from the version it runs to another version of the same definition, through a state map (every
/// state the instance may be in, to a state of the target version). A dry run computes the same plan and writes nothing.
/// </summary>
/// <param name="InstanceId">The instance to move.</param>
/// <param name="Versions">From which version to which, and the state map.</param>
/// <param name="ExpectedState">The state the instance was seen in (a preview); moved on since, it is skipped.</param>
/// <param name="Actor">Who moves it, for the journal.</param>
/// <param name="DryRun">Plan only: nothing is written.</param>
public sealed record InstanceMigration(Guid InstanceId, MigrationVersions Versions, string? ExpectedState, string? Actor, bool DryRun)
{
    /// <summary>An opaque tag written into the journal line, so a caller resuming its work can tell this move was made.</summary>
    public string? Reference { get; init; }
}

/// <summary>The definition, the two versions and where each state of the first goes in the second.</summary>
public sealed record MigrationVersions(string DefinitionId, int From, int To, IReadOnlyDictionary<string, string> StateMap);

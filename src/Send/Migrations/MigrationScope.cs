using SendWorkflow.Workflows.Runtime.Migration;

namespace SendWorkflow.Send.Migrations;

/// <summary>A checked request: the two versions, the full state map, the variant moved into, and the pupils it moves.</summary>
internal sealed record MigrationScope(MigrationVersions Versions, string Scope, WorkflowDefinition From, WorkflowDefinition To,
    IReadOnlyList<MigrationCandidate> Candidates);

/// <summary>An instance a move reaches, with its pupil's name for people (none for a school's own workflow).</summary>
internal sealed record MigrationCandidate(WorkflowInstance Instance, string? Name);

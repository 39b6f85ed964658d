using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Send.Definitions;

public sealed record DefinitionSummary(string Id, string Name, int LatestVersion, int? PublishedVersion);

public sealed record VersionInfo(int Version, string Status, DateTime CreatedAt, DateTime? PublishedAt, int Revision, string? CreatedBy);

public sealed record DraftResult(int Version, int Revision, IReadOnlyList<DefinitionProblem> Errors, IReadOnlyList<DefinitionProblem> Warnings);

public sealed record ImportResult(string Id, int Version, string Outcome, IReadOnlyList<DefinitionProblem> Warnings);

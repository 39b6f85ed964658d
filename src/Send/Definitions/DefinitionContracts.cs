namespace SendWorkflow.Send.Definitions;

/// <summary>
/// A definition as a variant sees it: its newest version there, the version it has published, and the version its pupils
/// run (<see cref="RunsVersion"/>, from the variant <see cref="RunsScope"/>: its own, else the borough's, else the default).
/// </summary>
public sealed record DefinitionSummary(string Id, string Name, int LatestVersion, int? PublishedVersion, int? RunsVersion = null,
    string? RunsScope = null);

public sealed record VersionInfo(
    int Version, string Status, DateTime CreatedAt, DateTime? PublishedAt, int Revision, string? CreatedBy, string Scope = "", int? BasedOn = null);

/// <summary>How a draft is saved: the revision it was read at (to tell a second editor), who, in which variant, from which version.</summary>
public sealed record DraftSave(int? ExpectedRevision, string? Actor, string Scope = DefinitionScope.Default, int? BasedOn = null);

public sealed record DraftResult(int Version, int Revision, IReadOnlyList<DefinitionProblem> Errors, IReadOnlyList<DefinitionProblem> Warnings);

public sealed record ImportResult(string Id, int Version, string Outcome, IReadOnlyList<DefinitionProblem> Warnings);

namespace SendWorkflow.Persistence.Entities;

/// <summary>One stored version of a definition. Once published, Json never changes again.</summary>
public sealed class DefinitionVersionRecord
{
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    /// <summary>
    /// Whose variant this version is: "" for the default shipped in definitions/, "borough:{id}" for a borough's own,
    /// "school:{id}" for a school's own. Version numbers run across all of a definition's variants.
    /// </summary>
    public string Scope { get; set; } = "";
    /// <summary>The version this one was made from (a variant's first draft, a revert), if any.</summary>
    public int? BasedOn { get; set; }
    public string Name { get; set; } = "";
    /// <summary>draft, published or retired (a published version that a newer one replaced).</summary>
    public string Status { get; set; } = DefinitionStatus.Draft;
    public string Json { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Bumped by every save of a draft, so a second editor is told the draft changed.</summary>
    public int Revision { get; set; }
}

namespace SendWorkflow.Workflows.Definitions;

/// <summary>Published definition versions, compiled once and cached.</summary>
public interface IDefinitionCatalog
{
    /// <exception cref="DefinitionNotFoundException">No such definition or version.</exception>
    Task<CompiledDefinition> GetAsync(string definitionId, int version, CancellationToken ct);

    /// <exception cref="DefinitionNotFoundException">No published version.</exception>
    Task<CompiledDefinition> GetPublishedAsync(string definitionId, CancellationToken ct);

    /// <summary>The version as it runs in a borough: the borough's parameter set in force overrides the defaults.</summary>
    Task<CompiledDefinition> GetAsync(string definitionId, int version, string boroughId, CancellationToken ct);

    /// <summary>
    /// The published version a subject runs, as it runs in its borough: a catalog may keep variants (a school's own, a
    /// borough's own) and answers with the nearest one the subject's school and borough have.
    /// </summary>
    Task<CompiledDefinition> GetPublishedAsync(string definitionId, SubjectPlacement subject, CancellationToken ct);
}

namespace SendWorkflow.Workflows.Runtime;

/// <summary>What every part of the engine reads from outside: the store, the definitions, the calendars and the clock.</summary>
internal sealed record EngineServices(IWorkflowStore Store, IDefinitionCatalog Catalog, ICalendarProvider Calendars, TimeProvider Time)
{
    /// <summary>Now as the UTC instant stored on entities.</summary>
    public DateTime Now() => Time.GetUtcNow().UtcDateTime;

    /// <summary>The definition version the instance runs, as it runs in the instance's borough.</summary>
    public Task<CompiledDefinition> DefinitionOfAsync(WorkflowInstance instance, CancellationToken ct) =>
        Catalog.GetAsync(instance.DefinitionId, instance.Version, instance.BoroughId, ct);
}

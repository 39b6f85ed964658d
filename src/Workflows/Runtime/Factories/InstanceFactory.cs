namespace SendWorkflow.Workflows.Runtime.Factories;

internal static class InstanceFactory
{
    /// <summary>A new active instance of the definition for the subject; its state is set by entering the initial one.</summary>
    public static WorkflowInstance Create(CompiledDefinition definition, SubjectPlacement subject, DateTime now, Guid? parentId) => new()
    {
        Id = OrderedIds.Shared.Next(now),
        DefinitionId = definition.Id,
        Version = definition.Version,
        SubjectId = subject.SubjectId,
        SchoolId = subject.SchoolId,
        BoroughId = subject.BoroughId,
        StartedAt = now,
        UpdatedAt = now,
        Status = InstanceStatus.Active,
        ParentInstanceId = parentId,
    };
}

namespace SendWorkflow.Workflows.Runtime;

/// <summary>The store knows no subject (the one an instance would belong to) with this id.</summary>
public sealed class SubjectNotFoundException(string id) : Exception($"There is no subject '{id}'.")
{
    public string SubjectId { get; } = id;
}

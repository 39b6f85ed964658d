namespace SendWorkflow.Send.Statutory;

/// <summary>A borough's timelines in force: parameter values per definition id, from one saved version.</summary>
public sealed record BoroughParameterSet(string BoroughId, int Version, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Values)
{
    public IReadOnlyDictionary<string, double>? For(string definitionId) =>
        Values.TryGetValue(definitionId, out var values) && values.Count > 0 ? values : null;
}

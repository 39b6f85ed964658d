namespace SendWorkflow.Send.Statutory;

/// <summary>A new version of a borough's timelines: values per definition id and parameter name.</summary>
public sealed record SaveBoroughParametersRequest(Dictionary<string, Dictionary<string, double>>? Parameters, string? ChangedBy, string? Note);

public sealed record BoroughParametersDto(
    string BoroughId, int Version, IReadOnlyDictionary<string, Dictionary<string, double>> Parameters,
    string? ChangedBy, DateTime? ChangedAt, string? Note, string Changes, IReadOnlyList<Problem> Warnings);

public sealed record ApplyBoroughParametersRequest(string? AppliedBy);

public sealed record ApplyBoroughParametersResult(string BoroughId, int Version, int InstancesChecked, int InstancesReplanned, int DeadlinesMoved);

/// <summary>A file in definitions/boroughs (schema: definitions/borough.schema.json): the borough's timelines as they ship.</summary>
public sealed record BoroughParametersFile(
    [property: System.Text.Json.Serialization.JsonPropertyName("$schema")] string? Schema,
    string? Borough, Dictionary<string, Dictionary<string, double>>? Parameters, string? Note);

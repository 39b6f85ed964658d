namespace SendWorkflow.Host.Studio;

public sealed record InstanceRow(Guid Id, string PupilId, string PupilName, int Version, string State, int? Stage, bool Active, DateTime StartedAt);

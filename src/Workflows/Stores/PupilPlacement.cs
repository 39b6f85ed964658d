namespace SendWorkflow.Workflows.Stores;

/// <summary>What the runtime needs to know of a pupil: where they are and their year. No names.</summary>
public sealed record PupilPlacement(string PupilId, string SchoolId, string BoroughId, int YearGroup);

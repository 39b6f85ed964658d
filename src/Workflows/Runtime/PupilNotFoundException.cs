namespace SendWorkflow.Workflows.Runtime;

public sealed class PupilNotFoundException(string id) : Exception($"There is no pupil '{id}'.");

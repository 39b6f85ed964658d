namespace SendWorkflow.Send.Problems;

public sealed class ConflictException(string message) : Exception(message);

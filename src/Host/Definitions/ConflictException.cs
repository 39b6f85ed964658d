namespace SendWorkflow.Host.Definitions;

public sealed class ConflictException(string message) : Exception(message);

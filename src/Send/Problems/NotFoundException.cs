namespace SendWorkflow.Send.Problems;

public sealed class NotFoundException(string message) : Exception(message);

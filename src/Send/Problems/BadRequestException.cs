namespace SendWorkflow.Send.Problems;

public sealed class BadRequestException(string message) : Exception(message);

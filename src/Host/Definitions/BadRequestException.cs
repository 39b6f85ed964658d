namespace SendWorkflow.Host.Definitions;

public sealed class BadRequestException(string message) : Exception(message);

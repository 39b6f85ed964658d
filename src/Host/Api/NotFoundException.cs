namespace SendWorkflow.Host.Api;

public sealed class NotFoundException(string message) : Exception(message);

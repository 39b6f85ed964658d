namespace SendWorkflow.Send.Problems;

/// <summary>A file over what the operation takes (answered 413); nothing was read into the service.</summary>
public sealed class FileTooLargeException(string message) : Exception(message);

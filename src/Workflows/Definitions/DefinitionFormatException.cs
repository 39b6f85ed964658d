namespace SendWorkflow.Workflows.Definitions;

/// <summary>The text is not JSON, or not a definition document.</summary>
public sealed class DefinitionFormatException(string message) : Exception(message);

namespace SendWorkflow.Workflows.Definitions;

/// <summary>
/// One thing wrong with a definition. Target names the state, transition or parameter at fault so the designer
/// can select it (TargetKind: definition, state, transition, parameter, event).
/// </summary>
public sealed record DefinitionProblem(string Code, string Message, string TargetKind, string? TargetId);

namespace SendWorkflow.Host.Studio;

/// <summary>
/// One difference between two versions. Change: added, removed or changed.
/// Area: state, transition, rule, task, timer, parameter, finding, definition.
/// </summary>
public sealed record DiffLine(string Change, string Area, string Text);

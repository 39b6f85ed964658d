namespace SendWorkflow.Host.Studio;

/// <summary>A journal entry for the viewer: TransitionId is set when the entry moved the pupil along an arrow.</summary>
public sealed record JournalLine(long Id, DateTime At, string Kind, string State, string Detail, string? TransitionId);

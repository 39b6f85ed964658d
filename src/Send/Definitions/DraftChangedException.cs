namespace SendWorkflow.Send.Definitions;

/// <summary>Someone else saved the draft since this editor loaded it; nothing was overwritten.</summary>
public sealed class DraftChangedException(string id, int currentRevision, string? by)
    : Exception($"The draft of '{id}' was changed{(by is null ? "" : $" by {by}")} since you opened it "
        + $"(it is now at revision {currentRevision}). Reload it to see the changes; your copy was not saved.")
{
    public int CurrentRevision { get; } = currentRevision;
}

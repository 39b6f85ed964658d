namespace SendWorkflow.Send.Play;

/// <summary>
/// The Play session has ended (left unused until it expired, closed, or never the caller's): nothing of it is kept, so
/// which of these it was can't be told. The API answers 410 Gone.
/// </summary>
public sealed class PlaySessionGoneException(Guid id)
    : Exception($"The Play session {id} has ended (it was closed or left unused too long) and nothing of it was kept. Start a new one.")
{
    public Guid SessionId { get; } = id;
}

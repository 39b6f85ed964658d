namespace SendWorkflow.Send.Play;

/// <summary>How long a Play session lives unused, how many a person and the service keep, and where their files go.</summary>
public sealed record PlayOptions
{
    /// <summary>A session unused this long (on the service's clock or the wall clock, whichever passes first) ends.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>A person's sessions at once; a new one beyond it ends their least recently used.</summary>
    public int MaxPerUser { get; init; } = 3;
    /// <summary>Sessions at once in the whole service; a new one beyond it is refused until some end.</summary>
    public int MaxTotal { get; init; } = 40;
    /// <summary>The folder the sessions' throwaway databases go in (a fresh one under the temp folder by default).</summary>
    public string Root { get; init; } = Path.Combine(Path.GetTempPath(), "sendworkflow-play", Guid.NewGuid().ToString("N"));
}

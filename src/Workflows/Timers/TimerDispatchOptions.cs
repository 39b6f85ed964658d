namespace SendWorkflow.Workflows.Timers;

/// <summary>
/// How the dispatcher works through due timers. The defaults suit the live dispatch every few seconds on a small host:
/// two instances side by side, 256 timers a batch, a 20 ms rest between batches so a backlog does not starve live work.
/// A simulated clock or start-up recovery after downtime may go faster with more parallelism and no pause.
/// </summary>
public sealed record TimerDispatchOptions
{
    public const int DefaultParallelism = 2;
    public const int DefaultBatchSize = 256;
    public static readonly TimeSpan DefaultPause = TimeSpan.FromMilliseconds(20);

    public static TimerDispatchOptions Default { get; } = new();

    /// <summary>
    /// Working through what fell due while nothing else runs: the backlog at start-up, or a simulated clock moving on.
    /// More instances side by side and no rest, since there is no live work to leave room for.
    /// </summary>
    public static TimerDispatchOptions CatchUp { get; } = new() { Parallelism = 32, PauseBetweenBatches = TimeSpan.Zero };

    private readonly int _parallelism = DefaultParallelism;
    private readonly int _batchSize = DefaultBatchSize;
    private readonly TimeSpan _pause = DefaultPause;

    /// <summary>Instances fired side by side (timers of one instance always fire one after another). At least 1.</summary>
    public int Parallelism
    {
        get => _parallelism;
        init => _parallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Parallelism), value, "At least 1.");
    }

    /// <summary>Due timers read and fired per batch, earliest first. At least 1.</summary>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "At least 1.");
    }

    /// <summary>Rest between batches (real time); zero for none. Never negative.</summary>
    public TimeSpan PauseBetweenBatches
    {
        get => _pause;
        init => _pause = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PauseBetweenBatches), value, "Not negative.");
    }
}

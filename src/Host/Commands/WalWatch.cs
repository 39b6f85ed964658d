namespace SendWorkflow.Host.Commands;

/// <summary>
/// The WAL file's largest length while a command runs, looked at every 50 ms (the file keeps its length when the log is
/// rewound, so the largest length seen is the most disk the log took).
/// </summary>
internal sealed class WalWatch : IAsyncDisposable
{
    private readonly string _wal;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public WalWatch(string databaseFile)
    {
        _wal = databaseFile + "-wal";
        _loop = Task.Run(LoopAsync);
    }

    public double PeakMiB => Math.Max(_peak, Length()) / 1024.0 / 1024.0;

    private async Task LoopAsync()
    {
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await every.WaitForNextTickAsync(_stop.Token)) _peak = Math.Max(_peak, Length());
        }
        catch (OperationCanceledException)
        {
        }
    }

    private long Length()
    {
        try
        {
            return File.Exists(_wal) ? new FileInfo(_wal).Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

namespace SendWorkflow.Host.Commands;

/// <summary>Something a command looks at every 50 ms while it runs (<see cref="Look"/>), until it is disposed.</summary>
internal abstract class PeriodicWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Starts looking; a subclass calls it once its own fields are set.</summary>
    protected void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>One look, on a thread of the pool.</summary>
    protected abstract void Look();

    private async Task LoopAsync()
    {
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await every.WaitForNextTickAsync(_stop.Token)) Look();
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

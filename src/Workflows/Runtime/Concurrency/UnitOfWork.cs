namespace SendWorkflow.Workflows.Runtime.Concurrency;

/// <summary>
/// Runs work in one session and commits it; a concurrency conflict retries the whole work in a fresh session, so
/// nothing is half-applied. Work on one instance queues on its stripe instead of racing to a conflict; the store's
/// concurrency stamp still guards against other processes sharing the database.
/// </summary>
internal sealed class UnitOfWork(IWorkflowStore store)
{
    private const int MaxAttempts = 12;
    private const int Stripes = 64;

    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public Task<T> RunAsync<T>(Func<IWorkflowSession, Task<T>> work, CancellationToken ct) => RunAsync(null, work, ct);

    /// <param name="instanceId">The instance the work is about, when known before reading: its work is serialized.</param>
    public async Task<T> RunAsync<T>(Guid? instanceId, Func<IWorkflowSession, Task<T>> work, CancellationToken ct)
    {
        var stripe = instanceId is { } id ? _stripes[(id.GetHashCode() & int.MaxValue) % _stripes.Length] : null;
        if (stripe is not null) await stripe.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var session = await store.OpenAsync(ct);
                    var result = await work(session);
                    await session.CommitAsync(ct);
                    return result;
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    // A short random wait (real time, not the workflow clock) so that two writers do not collide again.
                    await Task.Delay(Random.Shared.Next(1, 4 * attempt), ct);
                }
            }
        }
        finally
        {
            stripe?.Release();
        }
    }
}

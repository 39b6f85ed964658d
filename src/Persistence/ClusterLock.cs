using Npgsql;

namespace SendWorkflow.Persistence;

/// <summary>
/// A named lock held across every host of the service, for work that must not run twice at once (the day's round): on
/// PostgreSQL a session advisory lock on a connection of its own, released when the holder is disposed (or, if its
/// host dies, when the server sees the connection drop); on SQLite, one host by design, a lock within the process.
/// </summary>
public sealed class ClusterLock(DatabaseSettings settings, IServiceProvider services)
{
    private readonly Dictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);

    /// <summary>Waits until no other host (or caller) holds <paramref name="name"/>, then holds it until disposed.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            var dataSource = (NpgsqlDataSource)services.GetService(typeof(NpgsqlDataSource))!;
            var connection = await dataSource.OpenConnectionAsync(ct);
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({KeyOf(name)})", connection);
                await command.ExecuteNonQueryAsync(ct);
                return new Held(async () =>
                {
                    await using (var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({KeyOf(name)})", connection))
                    {
                        await unlock.ExecuteNonQueryAsync();
                    }
                    await connection.DisposeAsync();
                });
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        SemaphoreSlim gate;
        lock (_local)
        {
            if (!_local.TryGetValue(name, out gate!)) _local[name] = gate = new SemaphoreSlim(1, 1);
        }
        await gate.WaitAsync(ct);
        return new Held(() =>
        {
            gate.Release();
            return Task.CompletedTask;
        });
    }

    /// <summary>A stable 64-bit key for a name (FNV-1a), the same on every host.</summary>
    private static long KeyOf(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }

    private sealed class Held(Func<Task> release) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) await release();
        }
    }
}

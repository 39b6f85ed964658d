using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Host.Tests.Timers;

/// <summary>
/// The service is killed (SIGKILL) in the middle of dispatching a backlog of overdue timers and started again:
/// every timer fires exactly once, none lost, none twice. The service runs as a real child process on the system
/// clock; the test only watches and judges the database.
/// </summary>
public sealed class KillAndRestartTests
{
    private const int Pupils = 60;
    private const int TimersPerInstance = 40;
    private const int Backlog = Pupils * TimersPerInstance;

    /// <summary>The kill comes once at least this share of the backlog has fired.</summary>
    private const double KillAfterShare = 0.05;

    private static readonly string[] PendingOrFired = ["Pending", "Fired"];
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan KillWithin = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan DrainWithin = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task KilledWhileDispatchingABacklog_AndRestarted_FiresEveryTimerExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = TestFiles.Folder("kill-");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "sendworkflow.db");
        var log = new List<string>();
        var clock = Stopwatch.StartNew();
        void Note(string line) => log.Add($"{clock.Elapsed.TotalSeconds,7:0.000}s {line}");

        ChildService? first = null, second = null;
        try
        {
            // 1. Pupils on the pathway, through the API of the real host (in-process, system clock).
            await using (var pathway = new Pathway(start: null, databaseFile: file))
            {
                await pathway.EnsureSchoolAsync();
                for (var i = 0; i < Pupils; i++) await pathway.StartPupilAsync();
            }
            Note($"{Pupils} pupils started on send-pathway");

            // ... then a backlog of overdue timers, as if the service had been down for a few days.
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var cutoff = Instant(now);
            var backlog = await InsertBacklogAsync(file, now, ct);
            Note($"{backlog.Count} overdue timers inserted");

            var before = await SnapshotAsync(file, readOnly: false, ct);
            var ownTimers = before.Timers.Keys.Where(id => !backlog.Contains(id)).ToHashSet();
            Assert.Equal(Pupils, ownTimers.Count);
            Assert.All(ownTimers, id => Assert.Equal("Pending", before.Timers[id].Status));
            Assert.All(ownTimers,
                id => Assert.True(string.CompareOrdinal(before.Timers[id].DueAt, cutoff) > 0, "the pathway's own timers fall due later"));
            Assert.Empty(before.FiredJournal);
            Assert.Equal(0, before.ReviewTasks);

            // 2. The service picks the backlog up; it is killed part-way through.
            first = ChildService.Start("first", file);
            Note($"first child started (pid {first.ProcessId}, port {first.Port})");
            var (seen, firstFireAt) = await WaitForFiredAsync(first, file, cutoff, Note, ct);
            await first.KillAsync();
            Note($"first child killed after seeing {seen} fired; exit code {first.ExitCode}");
            Assert.True(first.ExitCode == 137, $"the first child should have died of SIGKILL (137), not {first.ExitCode}");

            var atKill = await SnapshotAsync(file, readOnly: false, ct);
            var firedAtKill = backlog.Count(id => atKill.Timers[id].Status == "Fired");
            Note($"{firedAtKill} of {backlog.Count} fired at the kill (first fire {firstFireAt:0.000}s after start)");
            Assert.True(firedAtKill > 0 && firedAtKill < backlog.Count,
                $"the kill must land mid-backlog: {firedAtKill} of {backlog.Count} had fired. If all fired, make the backlog larger.");
            // Whatever the kill interrupted was all or nothing: each fired timer has its journal row and its task.
            AssertConsistent(atKill, backlog, expectFired: firedAtKill);

            // 3. Started again on the same database: the rest of the backlog fires.
            second = ChildService.Start("second", file);
            Note($"second child started (pid {second.ProcessId}, port {second.Port})");
            await WaitForNoPendingAsync(second, file, cutoff, Note, ct);
            await second.KillAsync();
            Note($"second child killed once nothing was pending; exit code {second.ExitCode}");

            // 4. Exactly once.
            var after = await SnapshotAsync(file, readOnly: false, ct);
            AssertConsistent(after, backlog, expectFired: backlog.Count);
            Assert.All(ownTimers, id => Assert.Equal("Pending", after.Timers[id].Status));
            // timeframe-review repeats every 6 school weeks: each firing set exactly one next occurrence, still pending.
            var repeats = after.Timers.Where(t => !backlog.Contains(t.Key) && !ownTimers.Contains(t.Key)).ToList();
            Assert.Equal(backlog.Count, repeats.Count);
            Assert.All(repeats, t => Assert.Equal("Pending", t.Value.Status));
            Note($"all {backlog.Count} fired exactly once; {firedAtKill} before the kill, {backlog.Count - firedAtKill} after the restart");
        }
        finally
        {
            if (first is not null) await first.DisposeAsync();
            if (second is not null) await second.DisposeAsync();
            var output = TestContext.Current.TestOutputHelper;
            foreach (var line in log) output?.WriteLine(line);
            // The children's own logs (start-up, Quartz warnings, dispatch results) are worth seeing pass or fail.
            foreach (var line in new[] { first, second }.SelectMany(c => c?.Lines ?? [])) output?.WriteLine(line);
            DeleteQuietly(folder);
        }
    }

    /// <summary>
    /// Each fired backlog timer has exactly one timer-fired journal row and one review task; no pending one has
    /// either; nothing was cancelled and nothing else fired.
    /// </summary>
    private static void AssertConsistent(Snapshot s, HashSet<Guid> backlog, int expectFired)
    {
        var fired = backlog.Where(id => s.Timers[id].Status == "Fired").ToHashSet();
        Assert.Equal(expectFired, fired.Count);
        Assert.All(backlog, id => Assert.Contains(s.Timers[id].Status, PendingOrFired));
        Assert.All(fired, id => Assert.False(string.IsNullOrEmpty(s.Timers[id].FiredAt), $"timer {id} is fired without FiredAt"));
        Assert.All(backlog.Except(fired), id => Assert.True(string.IsNullOrEmpty(s.Timers[id].FiredAt), $"timer {id} is pending with a FiredAt"));

        var journaled = s.FiredJournal.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var twice = journaled.Where(j => j.Value > 1).Select(j => $"{j.Key} x{j.Value}").ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} timers fired more than once: {string.Join(", ", twice.Take(10))}");
        var lost = fired.Where(id => !journaled.ContainsKey(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} timers are marked fired without a timer-fired journal row: {string.Join(", ", lost.Take(10))}");
        var stray = journaled.Keys.Where(id => !fired.Contains(id)).ToList();
        Assert.True(stray.Count == 0, $"{stray.Count} timer-fired journal rows for timers not marked fired: {string.Join(", ", stray.Take(10))}");
        Assert.Equal(expectFired, s.FiredJournal.Count);

        Assert.Equal(expectFired, s.ReviewTasks);
        Assert.Equal(0, s.CancelledJournal);
        Assert.DoesNotContain(s.Timers.Values, t => t.Status == "Cancelled");
    }

    private static async Task<HashSet<Guid>> InsertBacklogAsync(string file, DateTime now, CancellationToken ct)
    {
        await using var connection = await OpenAsync(file, readOnly: false, ct);
        var instances = new List<byte[]>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM Instances WHERE State = 'cause-of-concern' AND Status = 'Active' ORDER BY Id";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) instances.Add((byte[])reader.GetValue(0));
        }
        Assert.Equal(Pupils, instances.Count);

        var random = new Random(20261124);
        var ids = new HashSet<Guid>();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO Timers (Id, InstanceId, State, TimerId, DueAt, Raises, Status, CreatedAt, FiredAt) " +
                             "VALUES (@Id, @InstanceId, 'cause-of-concern', 'timeframe-review', @DueAt, 'review.due', 'Pending', @CreatedAt, NULL)";
        var id = insert.Parameters.Add("@Id", SqliteType.Blob);
        var instance = insert.Parameters.Add("@InstanceId", SqliteType.Blob);
        var dueAt = insert.Parameters.Add("@DueAt", SqliteType.Text);
        insert.Parameters.AddWithValue("@CreatedAt", Instant(now));
        foreach (var owner in instances)
        {
            for (var i = 0; i < TimersPerInstance; i++)
            {
                var timerId = Guid.NewGuid();
                ids.Add(timerId);
                id.Value = GuidBytes.Of(timerId);
                instance.Value = owner;
                // Due at some moment of the last three days, never in the future.
                dueAt.Value = Instant(now - TimeSpan.FromSeconds(60 + random.Next(3 * 24 * 3600)));
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
        return ids;
    }

    /// <summary>Polls until at least <see cref="KillAfterShare"/> of the backlog has fired; returns what it saw.</summary>
    private static async Task<(int Seen, double FirstFireSeconds)> WaitForFiredAsync(
        ChildService child, string file, string cutoff, Action<string> note, CancellationToken ct)
    {
        var threshold = (int)Math.Ceiling(Backlog * KillAfterShare);
        var started = Stopwatch.StartNew();
        double? firstFire = null;
        await using var connection = await OpenAsync(file, readOnly: true, ct);
        while (true)
        {
            child.AssertRunning();
            var fired = await CountAsync(connection, "SELECT COUNT(*) FROM Timers WHERE Status = 'Fired' AND DueAt <= @cutoff", cutoff, ct);
            if (fired > 0 && firstFire is null)
            {
                firstFire = started.Elapsed.TotalSeconds;
                note($"first child: {fired} fired after {firstFire:0.000}s");
            }
            if (fired >= threshold) return (fired, firstFire ?? 0);
            if (started.Elapsed > KillWithin)
                Assert.Fail($"only {fired} of {Backlog} timers fired within {KillWithin.TotalSeconds}s:{Environment.NewLine}{child.Output}");
            await Task.Delay(PollEvery, ct);
        }
    }

    private static async Task WaitForNoPendingAsync(ChildService child, string file, string cutoff, Action<string> note, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        await using var connection = await OpenAsync(file, readOnly: true, ct);
        while (true)
        {
            child.AssertRunning();
            var pending = await CountAsync(connection, "SELECT COUNT(*) FROM Timers WHERE Status = 'Pending' AND DueAt <= @cutoff", cutoff, ct);
            if (pending == 0)
            {
                note($"second child: backlog drained after {started.Elapsed.TotalSeconds:0.000}s");
                return;
            }
            if (started.Elapsed > DrainWithin)
                Assert.Fail($"{pending} of {Backlog} timers still pending after {DrainWithin.TotalSeconds}s:{Environment.NewLine}{child.Output}");
            await Task.Delay(PollEvery, ct);
        }
    }

    private sealed record TimerRow(string Status, string DueAt, string? FiredAt);

    private sealed record Snapshot(Dictionary<Guid, TimerRow> Timers, List<Guid> FiredJournal, int CancelledJournal, int ReviewTasks);

    private static async Task<Snapshot> SnapshotAsync(string file, bool readOnly, CancellationToken ct)
    {
        await using var connection = await OpenAsync(file, readOnly, ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var timers = new Dictionary<Guid, TimerRow>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = "SELECT Id, Status, DueAt, FiredAt FROM Timers";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                timers.Add(GuidBytes.From((byte[])reader.GetValue(0)),
                    new TimerRow(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }
        var fired = new List<Guid>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = "SELECT Data FROM Journal WHERE Kind = 'timer-fired'";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                using var data = JsonDocument.Parse(reader.GetString(0));
                // The journal writes ids as text; the table holds their 16 bytes (GuidBytes).
                fired.Add(Guid.Parse(data.RootElement.GetProperty("timerId").GetString()!));
            }
        }
        var cancelled = await CountAsync(connection, "SELECT COUNT(*) FROM Journal WHERE Kind = 'timer-cancelled'", null, ct, tx);
        var reviews = await CountAsync(connection, "SELECT COUNT(*) FROM Tasks WHERE DefinitionTaskId = 'early-intervention-review'", null, ct, tx);
        return new Snapshot(timers, fired, cancelled, reviews);
    }

    private static async Task<int> CountAsync(SqliteConnection connection, string sql, string? cutoff, CancellationToken ct,
        SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        if (cutoff is not null) command.Parameters.AddWithValue("@cutoff", cutoff);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<SqliteConnection> OpenAsync(string file, bool readOnly, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        return connection;
    }

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

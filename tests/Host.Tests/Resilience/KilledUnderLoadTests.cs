using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using SendWorkflow.Host.Tests.Timers;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// The service is killed (SIGKILL) three times while event posts and reads arrive through the API with a bearer token,
/// and started again each time. Afterwards every acknowledged request has its audit row (method, path, resource id): a
/// look is committed before it is answered, a change's entry with the change. Every acknowledged event is in the journal
/// exactly once. Requests cut off by a kill were never acknowledged, so they may or may not have landed.
/// </summary>
public sealed class KilledUnderLoadTests
{
    private const int Pupils = 6;
    private const int Workers = 6;
    private const int Kills = 3;

    [Fact]
    public async Task KilledThreeTimesUnderLoad_EveryAcknowledgedRequestIsAudited_AndEveryAcknowledgedEventJournaledOnce()
    {
        var folder = TestFiles.Folder("killed-");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "sendworkflow.db");
        var acknowledged = new ConcurrentBag<(string Method, string Path, string ResourceId, string? Marker)>();
        var children = new List<ChildService>();
        var log = new List<string>();
        var clock = Stopwatch.StartNew();
        try
        {
            List<string>? instances = null;
            for (var round = 1; round <= Kills; round++)
            {
                var child = ChildService.Start($"run-{round}", file);
                children.Add(child);
                await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
                using var http = child.CreateClient();
                instances ??= await ChildApi.StartPupilsAsync(http, Pupils);
                var before = acknowledged.Count;
                using var stop = new CancellationTokenSource();
                var workers = Enumerable.Range(0, Workers)
                    .Select(w => Task.Run(() => LoadAsync(http, instances, w, acknowledged, stop.Token))).ToList();
                // Let the load build, then kill in the middle of it.
                while (acknowledged.Count < before + 150 && clock.Elapsed < TimeSpan.FromMinutes(2))
                {
                    child.AssertRunning();
                    await Task.Delay(20);
                }
                await child.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(workers);
                log.Add($"{clock.Elapsed.TotalSeconds,7:0.000}s run {round} killed (exit {child.ExitCode}) " +
                        $"after {acknowledged.Count - before} acknowledged");
                Assert.Equal(137, child.ExitCode);
            }

            // Started again after the last kill: it recovers the file and is ready.
            var last = ChildService.Start("after-kills", file);
            children.Add(last);
            await last.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await last.KillAsync();
        }
        finally
        {
            foreach (var child in children) await child.DisposeAsync();
            var output = TestContext.Current.TestOutputHelper;
            foreach (var line in log) output?.WriteLine(line);
        }

        using var connection = ChildApi.Open(file);
        var audit = ChildApi.AuditRows(connection).GroupBy(r => (r.Method, r.Path, r.ResourceId)).ToDictionary(g => g.Key, g => g.Count());
        var missing = acknowledged.GroupBy(a => (a.Method, a.Path, (string?)a.ResourceId))
            .Where(g => audit.GetValueOrDefault(g.Key) < g.Count())
            .Select(g => $"{g.Key.Method} {g.Key.Path}: {g.Count()} acknowledged, {audit.GetValueOrDefault(g.Key)} audited").ToList();
        Assert.True(missing.Count == 0,
            $"acknowledged requests without their audit rows:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");

        var journaled = ChildApi.JournaledMarkers(connection).GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var events = acknowledged.Where(a => a.Marker is not null).ToList();
        Assert.True(events.Count > 100, $"only {events.Count} events acknowledged");
        Assert.All(events, e => Assert.True(journaled.GetValueOrDefault(e.Marker!) == 1,
            $"event {e.Marker} is in the journal {journaled.GetValueOrDefault(e.Marker!)} times"));
        Assert.True(acknowledged.Count(a => a.Marker is null) > 100, "too few reads acknowledged to judge");
        DeleteQuietly(folder);
    }

    /// <summary>Posts reviews and reads instances and journals until told to stop or the service goes away.</summary>
    private static async Task LoadAsync(HttpClient http, List<string> instances, int worker,
        ConcurrentBag<(string, string, string, string?)> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var instance = instances[(worker + i) % instances.Count];
            try
            {
                switch (i % 3)
                {
                    case 0:
                        var marker = $"k-{worker}-{i}-{Guid.NewGuid():N}";
                        using (var posted = await ChildApi.PostReviewAsync(http, instance, marker))
                        {
                            if (posted.StatusCode == HttpStatusCode.OK)
                                acknowledged.Add(("POST", $"/api/instances/{instance}/events", instance, marker));
                        }
                        break;
                    case 1:
                        await ReadAsync(http, $"/api/instances/{instance}", instance, acknowledged);
                        break;
                    default:
                        await ReadAsync(http, $"/api/instances/{instance}/journal", instance, acknowledged);
                        break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or SocketException)
            {
                // The kill: this request was never acknowledged. Wait for the test to notice. (A connection the kill cuts
                // while it opens fails as a bare SocketException: "Transport endpoint is not connected".)
                await Task.Delay(10, CancellationToken.None);
            }
        }
    }

    private static async Task ReadAsync(HttpClient http, string path, string instance,
        ConcurrentBag<(string, string, string, string?)> acknowledged)
    {
        // The body is read in full before the request counts: an answer cut off by the kill was not acknowledged.
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode == HttpStatusCode.OK) acknowledged.Add(("GET", path, instance, null));
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

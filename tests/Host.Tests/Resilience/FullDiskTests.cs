using System.Collections.Concurrent;
using System.Diagnostics;
using SendWorkflow.Host.Tests.Timers;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// The disk fills up while events arrive: the service answers 503 with Retry-After (never 500, never a closed socket),
/// says it is not ready but alive, and works again by itself once space returns. Every event it acknowledged is in the
/// journal, once, with its audit row. The service runs as a real child process with its database on a 16 MB tmpfs.
/// </summary>
public sealed class FullDiskTests
{
    private const int Pupils = 8;
    private const int Senders = 4;

    [Fact]
    public async Task DiskFillsUpUnderLoad_Answers503_AndRecoversWithoutARestart_LosingNothingAcknowledged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var disk = await SmallDisk.MountAsync(16);
        var file = Path.Combine(disk.Folder, "sendworkflow.db");
        var log = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        void Note(string line) => log.Enqueue($"{clock.Elapsed.TotalSeconds,7:0.000}s {line}");
        var child = ChildService.Start("full-disk", file);
        var answers = new ConcurrentBag<(string Marker, string Instance, HttpStatusCode Status, bool RetryAfter, string Body)>();
        try
        {
            await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var http = child.CreateClient();
            var instances = await ChildApi.StartPupilsAsync(http, Pupils);
            Note($"{Pupils} pupils started");

            // Events from several senders, all the way through: before, during and after the disk is full.
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var instance = instances[(s + i * Senders) % instances.Count];
                    var marker = $"m-{s}-{i}-{Guid.NewGuid():N}";
                    // A closed socket or a timeout fails the test here: the service must answer.
                    using var response = await ChildApi.PostReviewAsync(http, instance, marker);
                    answers.Add((marker, instance, response.StatusCode, response.Headers.RetryAfter is not null,
                        response.StatusCode == HttpStatusCode.OK ? "" : await response.Content.ReadAsStringAsync()));
                    if (response.StatusCode != HttpStatusCode.OK) await Task.Delay(20);
                }
            })).ToList();

            await WaitForAsync(() => answers.Count(a => a.Status == HttpStatusCode.OK) >= 50, TimeSpan.FromSeconds(30), "50 events accepted", child);
            var filler = disk.Fill();
            Note($"disk filled ({new FileInfo(filler).Length / 1024} KiB of filler) after {answers.Count} answers");

            await WaitForAsync(() => answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable) >= 20, TimeSpan.FromSeconds(60),
                "20 events refused with 503", child);
            var notReady = await WaitForStatusAsync(http, "/api/health/ready", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), child);
            Assert.False((bool)notReady["ready"]!);
            Assert.Equal("Unhealthy", (string?)notReady["checks"]!["database"]!["status"]);
            await WaitForStatusAsync(http, "/api/health/live", HttpStatusCode.OK, TimeSpan.FromSeconds(5), child);
            Note($"503s and not ready; {answers.Count} answers so far");

            File.Delete(filler);
            var refusedBefore = answers.Count(a => a.Status != HttpStatusCode.OK);
            var acceptedAtDelete = answers.Count(a => a.Status == HttpStatusCode.OK);
            Note("filler deleted");
            await WaitForAsync(() => answers.Count(a => a.Status == HttpStatusCode.OK) >= acceptedAtDelete + 50, TimeSpan.FromSeconds(60),
                "50 events accepted again after space returned", child);
            await WaitForStatusAsync(http, "/api/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60), child);
            Note($"accepting and ready again without a restart; {refusedBefore} refused in all");

            await stop.CancelAsync();
            await Task.WhenAll(senders);
            child.AssertRunning();
        }
        finally
        {
            await child.KillAsync();
            var output = TestContext.Current.TestOutputHelper;
            foreach (var line in log) output?.WriteLine(line);
            foreach (var line in child.Lines) output?.WriteLine(line);
        }

        // Every refusal was a 503 ProblemDetails with Retry-After: no 500, nothing else.
        var refused = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, a => Assert.True(a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter,
            $"a refusal was {(int)a.Status}{(a.RetryAfter ? "" : " without Retry-After")}: {a.Body}"));
        Assert.All(refused, a => Assert.Equal(503, (int)JsonNode.Parse(a.Body)!["status"]!));

        // Nothing acknowledged lost: each accepted event is journaled exactly once, and each has its audit row.
        using var connection = ChildApi.Open(file);
        var journaled = ChildApi.JournaledMarkers(connection).GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var accepted = answers.Where(a => a.Status == HttpStatusCode.OK).ToList();
        var missing = accepted.Where(a => !journaled.ContainsKey(a.Marker)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {accepted.Count} acknowledged events are not in the journal");
        Assert.All(accepted, a => Assert.Equal(1, journaled[a.Marker]));
        var refusedButJournaled = refused.Count(a => journaled.ContainsKey(a.Marker));
        Assert.True(refusedButJournaled == 0, $"{refusedButJournaled} events answered 503 were journaled anyway");

        var audit = ChildApi.AuditRows(connection);
        foreach (var group in accepted.GroupBy(a => a.Instance))
        {
            var path = $"/api/instances/{group.Key}/events";
            var rows = audit.Count(r => r is { Method: "POST", Action: "change" } && r.Path == path && r.ResourceId == group.Key);
            Assert.True(rows == group.Count(), $"instance {group.Key}: {group.Count()} events acknowledged, {rows} audit rows");
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan within, string what, ChildService child)
    {
        var started = Stopwatch.StartNew();
        while (!condition())
        {
            child.AssertRunning();
            if (started.Elapsed > within) Assert.Fail($"not seen within {within.TotalSeconds}s: {what}");
            await Task.Delay(50);
        }
    }

    private static async Task<JsonObject> WaitForStatusAsync(HttpClient http, string path, HttpStatusCode expected, TimeSpan within,
        ChildService child)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            child.AssertRunning();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected) return JsonNode.Parse(body)!.AsObject();
            if (started.Elapsed > within)
                Assert.Fail($"{path} answered {(int)response.StatusCode}, not {(int)expected}, for {within.TotalSeconds}s: {body}");
            await Task.Delay(200);
        }
    }
}

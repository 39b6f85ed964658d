using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace SendWorkflow.Host.Tests.Timers;

/// <summary>
/// The service as a real child process (<c>dotnet SendWorkflow.Host.dll</c>) on the system clock, bound to a free
/// 127.0.0.1 port, with its output drained into memory. <see cref="KillAsync"/> is a hard kill (SIGKILL on Linux):
/// no shutdown hooks, no final checkpoint, nothing flushed.
/// </summary>
internal sealed class ChildService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildService(Process process, string name, int port)
    {
        _process = process;
        Name = name;
        Port = port;
    }

    public string Name { get; }
    public int Port { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the child wrote so far, stdout and stderr interleaved as received.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public IEnumerable<string> Lines => _output;

    /// <summary>The bootstrap administrator token every child is given (<c>SENDWF_API_TOKEN</c>).</summary>
    public const string AdminToken = "child-bootstrap-token-0123456789";

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <param name="settings">Environment settings over the defaults (another database, the simulated clock).</param>
    public static ChildService Start(string name, string databaseFile, double dispatchSeconds = 1,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var hostDll = typeof(Program).Assembly.Location;
        var port = FreePort();
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(hostDll);
        // Nothing inherited may choose other ports or another database for the child.
        foreach (var key in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTP_PORTS",
            "DOTNET_HTTPS_PORTS", "HTTP_PORTS", "HTTPS_PORTS" })
        {
            info.Environment.Remove(key);
        }
        var url = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["Urls"] = url;
        info.Environment["ASPNETCORE_URLS"] = url;
        info.Environment["ConnectionStrings__SendWorkflow"] = $"Data Source={databaseFile}";
        info.Environment["Clock__Mode"] = "System";
        info.Environment["Demo__Enabled"] = "false";
        info.Environment["Definitions__Path"] = Infrastructure.RepoPaths.Definitions;
        info.Environment["SENDWF_API_TOKEN"] = AdminToken;
        info.Environment["Timers__DispatchSeconds"] = dispatchSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildService(process, name, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) child._output.Enqueue($"[{name}] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) child._output.Enqueue($"[{name} stderr] {e.Data}"); };
        if (!process.Start()) throw new InvalidOperationException($"Could not start {info.FileName} {hostDll}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Fails the test, with the child's output, if the child has died on its own.</summary>
    public void AssertRunning()
    {
        if (_process.HasExited)
            Assert.Fail($"{Name} (pid {_process.Id}) exited on its own with code {_process.ExitCode}:{Environment.NewLine}{Output}");
    }

    /// <summary>A client of the child's API carrying the bootstrap administrator's bearer token.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    /// <summary>Waits until <c>/api/health/ready</c> answers 200, failing the test (with the child's output) if it dies or takes too long.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var client = CreateClient();
        var started = Stopwatch.StartNew();
        while (true)
        {
            AssertRunning();
            try
            {
                if ((await client.GetAsync("/api/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (started.Elapsed > within) Assert.Fail($"{Name} was not ready within {within.TotalSeconds}s:{Environment.NewLine}{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the child to exit on its own; fails the test if it is still running after <paramref name="within"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{Name} was still running after {within.TotalSeconds}s:{Environment.NewLine}{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL (the whole tree) and wait until the process is gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (Exception)
        {
            // Best effort: a test failure is already on its way.
        }
        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

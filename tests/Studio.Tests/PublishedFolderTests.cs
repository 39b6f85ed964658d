using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// What "dotnet publish" makes is a folder that runs on its own: started from another directory, it imports the
/// definitions inside it, keeps its database inside it, and the Studio's designer draws its canvas with the libraries
/// inside it.
/// </summary>
public sealed class PublishedFolderTests(StudioFixture studio) : IAsyncLifetime
{
    private const string Token = "published-folder-token-0123456789";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendworkflow-published", Guid.NewGuid().ToString("N"));
    private Process? _service;
    private readonly List<string> _output = [];

    [Fact]
    public async Task APublishedFolder_StartedFromElsewhere_ServesTheDesignerWithItsCanvas()
    {
        var app = Path.Combine(_root, "app");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        // The test run has just built Release, so publishing is a copy of that build plus the definitions and libraries.
        var (code, output) = await RunAsync("dotnet", _root, "publish", Path.Combine(RepoPaths.Root, "src", "Host"), "-c", "Release",
            "--no-build", "-o", app);
        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(app, "definitions", "workflows", "send-pathway.json")), "definitions not published");
        Assert.True(File.Exists(Path.Combine(app, "node_modules", "@antv", "x6", "dist", "x6.min.js")), "X6 not published");

        var port = StudioHost.FreePort();
        var baseAddress = $"http://127.0.0.1:{port}";
        StartService(Path.Combine(app, "SendWorkflow.Host.dll"), elsewhere, baseAddress);
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        await WaitUntilReadyAsync(http);

        // The definitions inside the folder were imported, and the database was made inside it, not where it was started.
        var definitions = await http.GetFromJsonAsync<JsonElement>("/api/definitions");
        Assert.Contains(definitions.EnumerateArray(), d => d.GetProperty("id").GetString() == "send-pathway");
        Assert.True(File.Exists(Path.Combine(app, "data", "sendworkflow.db")), "the database is not inside the published folder");
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));

        (await http.PostAsJsonAsync("/api/users", new
        {
            email = "senco@published.test", displayName = "Sam Patel", role = "senco", schoolId = "oakfield-primary",
            password = StudioFixture.Password,
        })).EnsureSuccessStatusCode();
        var context = await studio.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress, Locale = "en-GB" });
        try
        {
            var page = await context.NewPageAsync();
            await StudioFixture.SignInAsync(page, "senco@published.test");
            await page.GotoAsync("/definitions/send-pathway/design");
            await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
            await Expect(Canvas.State(page, "initial-concern")).ToBeVisibleAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private void StartService(string dll, string workingDirectory, string url)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var key in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS",
            "ConnectionStrings__SendWorkflow", "Definitions__Path" })
        {
            info.Environment.Remove(key);
        }
        info.Environment["ASPNETCORE_URLS"] = url;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["SENDWF_API_TOKEN"] = Token;
        _service = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        _service.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _service.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _service.BeginOutputReadLine();
        _service.BeginErrorReadLine();
    }

    private async Task WaitUntilReadyAsync(HttpClient http)
    {
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_service!.HasExited) break;
            try
            {
                if ((await http.GetAsync("/api/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        lock (_output) Assert.Fail($"The published service was not ready:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is { HasExited: false })
        {
            _service.Kill(entireProcessTree: true);
            await _service.WaitForExitAsync();
        }
        _service?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

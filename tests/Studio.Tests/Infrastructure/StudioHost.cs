using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SendWorkflow.Studio.Tests.Infrastructure;

/// <summary>
/// The real service on Kestrel at 127.0.0.1 on a free port, with its own SQLite file and the simulated clock, so a
/// real browser can open the Studio.
/// </summary>
public sealed class StudioHost : WebApplicationFactory<Program>
{
    public StudioHost()
    {
        Port = FreePort();
        UseKestrel(Port);
    }

    public const string AdminToken = "studio-tests-bootstrap-token-0123";

    public int Port { get; }
    public string BaseAddress => $"http://127.0.0.1:{Port}";
    public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), "sendworkflow-studio-tests", $"{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
        builder.UseSetting("ConnectionStrings:SendWorkflow", $"Data Source={DatabaseFile}");
        builder.UseSetting("Clock:Mode", "Simulated");
        builder.UseSetting("Clock:Start", "2026-10-12");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseUrls(BaseAddress);
        builder.UseSetting("SENDWF_API_TOKEN", AdminToken);
        // The browser tests sign the SENCo in for nearly every test, faster than the real limits allow.
        builder.UseSetting("RateLimits:SignInPerAccountPerMinute", "1000");
        builder.UseSetting("RateLimits:SignInPerAddressPerMinute", "1000");
        builder.UseEnvironment("Testing");
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

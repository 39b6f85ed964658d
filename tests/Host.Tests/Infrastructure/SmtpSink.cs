using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SendWorkflow.Host.Tests.Infrastructure;

/// <summary>
/// A real SMTP server inside the test process (the SmtpServer package), on 127.0.0.1 and a free port, keeping every message
/// that arrives as it came (the raw MIME) and parsed by MimeKit. <see cref="Settings"/> points a test host's email at it.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<ReceivedEmail> _received = new();

    private SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>What arrived so far, in order.</summary>
    public IReadOnlyList<ReceivedEmail> Received => [.. _received];

    /// <summary>The host's settings that send its email here: plain SMTP, no sign-in, and the Studio's public address.</summary>
    public IReadOnlyDictionary<string, string?> Settings => SettingsFor(Port);

    public const string StudioUrl = "https://send.oakfield.example";

    public static IReadOnlyDictionary<string, string?> SettingsFor(int port) => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Tls"] = "none",
        ["Email:From"] = "SendWorkflow <send@oakfield.example>",
        ["Email:StudioUrl"] = StudioUrl,
    };

    /// <summary>A server listening, once it answers a connection.</summary>
    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink(FreePort());
        for (var i = 0; ; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, sink.Port);
                return sink;
            }
            catch (SocketException) when (i < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>A port nothing listens on (for a host whose SMTP server is down).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<ReceivedEmail> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var bytes = buffer.ToArray();
            using var stream = new MemoryStream(bytes);
            received.Enqueue(new ReceivedEmail(Encoding.UTF8.GetString(bytes), MimeMessage.Load(stream, cancellationToken)));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

/// <summary>A message as it arrived: its raw MIME text, and parsed.</summary>
public sealed record ReceivedEmail(string Raw, MimeMessage Message)
{
    public string To => string.Join(", ", Message.To.Mailboxes.Select(m => m.Address));

    public string Subject => Message.Subject ?? "";

    /// <summary>The plain-text body, decoded.</summary>
    public string Text => Message.TextBody ?? "";

    /// <summary>Everything a reader could see: the raw message, and its headers and bodies decoded.</summary>
    public string Everything => string.Join("\n", [Raw, .. Message.Headers.Select(h => $"{h.Field}: {h.Value}"), Message.TextBody ?? "",
        Message.HtmlBody ?? ""]);
}

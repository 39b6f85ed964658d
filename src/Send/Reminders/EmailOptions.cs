namespace SendWorkflow.Send.Reminders;

/// <summary>
/// How the service sends email (the <c>Email</c> settings: <c>Email__Smtp__Host</c>, <c>__Port</c>, <c>__Tls</c>,
/// <c>__User</c>, <c>__Password</c>, <c>Email__From</c>, <c>Email__StudioUrl</c>). Off unless an SMTP host is given:
/// a service without one sends no email at all.
/// </summary>
public sealed class EmailOptions
{
    public const string DefaultStudioUrl = "http://localhost:5080";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender, e.g. <c>SendWorkflow &lt;send@school.example&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>The Studio's address as staff open it (behind the proxy), for the links in emails.</summary>
    public string? StudioUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The Studio's address without a trailing slash.</summary>
    public string StudioBase => (string.IsNullOrWhiteSpace(StudioUrl) ? DefaultStudioUrl : StudioUrl.Trim()).TrimEnd('/');

    /// <summary>What is wrong with the settings of an email-sending service (none when email is off).</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!Enabled) return [];
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(From) || !MimeKit.MailboxAddress.TryParse(From, out _))
            problems.Add("Email__From must be the sender's address, e.g. \"SendWorkflow <send@school.example>\".");
        if (!SmtpTls.IsKnown(Smtp.Tls)) problems.Add($"Email__Smtp__Tls must be one of {string.Join(", ", SmtpTls.All)}, not '{Smtp.Tls}'.");
        if (Smtp.Port is { } port && port is < 1 or > 65535) problems.Add($"Email__Smtp__Port must be between 1 and 65535, not {port}.");
        if (string.IsNullOrEmpty(Smtp.User) != string.IsNullOrEmpty(Smtp.Password))
            problems.Add("Email__Smtp__User and Email__Smtp__Password go together: give both, or neither.");
        if (StudioUrl is { Length: > 0 } url && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            problems.Add($"Email__StudioUrl must be the Studio's address, e.g. https://send.school.example, not '{url}'.");
        return problems;
    }
}

/// <summary>The SMTP server: host, port, TLS and credentials.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>Unset: 465 with <c>ssl</c>, 587 with <c>starttls</c>, 25 with <c>none</c>.</summary>
    public int? Port { get; set; }

    /// <summary><c>starttls</c> (the default), <c>ssl</c> or <c>none</c>.</summary>
    public string? Tls { get; set; }

    public string? User { get; set; }
    public string? Password { get; set; }

    public int PortOrDefault => Port ?? SmtpTls.Of(Tls) switch
    {
        SmtpTls.Ssl => 465,
        SmtpTls.None => 25,
        _ => 587,
    };
}

/// <summary>The TLS settings an SMTP connection may use.</summary>
public static class SmtpTls
{
    public const string None = "none";
    public const string StartTls = "starttls";
    public const string Ssl = "ssl";

    public static readonly IReadOnlyList<string> All = [None, StartTls, Ssl];

    public static string Of(string? tls) => string.IsNullOrWhiteSpace(tls) ? StartTls : tls.Trim().ToLowerInvariant();

    public static bool IsKnown(string? tls) => All.Contains(Of(tls));
}

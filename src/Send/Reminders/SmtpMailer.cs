using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;

namespace SendWorkflow.Send.Reminders;

/// <summary>
/// Sends a batch of emails over one SMTP connection (MailKit), telling the caller after each one the server took, so it is
/// recorded before the next goes: a crash between two sends leaves the rest to send, not the first to send again. No
/// database transaction is open meanwhile. The log says what failed, never to whom or about what (no addresses, no pupils).
/// </summary>
public sealed class SmtpMailer(EmailOptions options, ILogger<SmtpMailer> logger)
{
    public async Task<MailRun> SendAsync(IReadOnlyList<OutgoingEmail> emails, Func<OutgoingEmail, Task> sent, CancellationToken ct)
    {
        if (emails.Count == 0) return MailRun.None;
        // Half a minute, not MailKit's two, for a server that does not answer: the round has other work after this.
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(options.Smtp.Host ?? "", options.Smtp.PortOrDefault, Security(options.Smtp.Tls), ct);
            if (!string.IsNullOrEmpty(options.Smtp.User)) await client.AuthenticateAsync(options.Smtp.User, options.Smtp.Password ?? "", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("{Count} emails were not sent: the SMTP server could not be reached or refused the sign-in: {Problem}",
                emails.Count, Describe(ex));
            return new MailRun(0, emails.Count, true);
        }
        var (done, failed, retry) = (0, 0, false);
        foreach (var email in emails)
        {
            try
            {
                await client.SendAsync(email.Message, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                if (!client.IsConnected)
                {
                    logger.LogWarning("{Count} emails were not sent: the SMTP connection failed: {Problem}", emails.Count - done, Describe(ex));
                    return new MailRun(done, emails.Count - done, true);
                }
                // The server refused this one (a mailbox it does not know, a full one), or its address can't be used: the
                // others still go. Trying again later helps only when the server said "later" (4xx).
                retry |= ex is SmtpCommandException { StatusCode: < (SmtpStatusCode)500 };
                logger.LogWarning("An email ({Kind}) was not sent: {Problem}", email.Kind, Describe(ex));
                continue;
            }
            await sent(email);
            done++;
        }
        try
        {
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug("The SMTP connection did not close cleanly: {Problem}", ex.GetType().Name);
        }
        return new MailRun(done, failed, retry);
    }

    private static SecureSocketOptions Security(string? tls) => SmtpTls.Of(tls) switch
    {
        SmtpTls.None => SecureSocketOptions.None,
        SmtpTls.Ssl => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    // A refusal's own words may quote the address it refused: the log keeps its status code only.
    private static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException command => $"{(int)command.StatusCode} {command.StatusCode} ({command.ErrorCode})",
        AuthenticationException => "the SMTP server refused Email__Smtp__User and Email__Smtp__Password",
        // What went wrong with the connection says nothing of the email; anything else might quote it.
        System.Net.Sockets.SocketException or IOException or TimeoutException or SmtpProtocolException or SslHandshakeException =>
            $"{ex.GetType().Name}: {ex.Message}",
        _ => ex.GetType().Name,
    };
}

using SendWorkflow.Send.Reminders;

namespace SendWorkflow.Host.Email;

public static class EmailServices
{
    /// <summary>
    /// Reminder emails (the morning digest, the news of an escalation) over SMTP, from the <c>Email</c> settings; off unless
    /// <c>Email__Smtp__Host</c> is set. Settings that can't work stop start-up with what is wrong, rather than a morning
    /// without email.
    /// </summary>
    public static IServiceCollection AddReminderEmails(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();
        if (options.Problems() is { Count: > 0 } problems)
            throw new InvalidOperationException($"The email settings are wrong: {string.Join(" ", problems)}");
        services.AddSingleton(options);
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<MorningDigests>();
        services.AddSingleton<EscalationNotices>();
        services.AddSingleton<ReminderEmails>();
        services.AddSingleton<ReminderSettings>();
        services.AddHostedService<ReminderRetries>();
        return services;
    }
}

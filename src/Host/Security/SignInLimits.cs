using System.Threading.RateLimiting;

namespace SendWorkflow.Host.Security;

/// <summary>
/// How many sign-in attempts (the token endpoint and the Studio's form together) are let through per minute: per
/// account (its email, in any case) and per client address. The address limit is the higher, as a school's staff may
/// share one address. Beyond either, the attempt is answered 429 with Retry-After before any password is checked.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _accounts;
    private readonly PartitionedRateLimiter<string> _addresses;

    public SignInLimits(IConfiguration config)
    {
        PerAccount = config.GetValue("RateLimits:SignInPerAccountPerMinute", 10);
        PerAddress = config.GetValue("RateLimits:SignInPerAddressPerMinute", 100);
        _accounts = PerMinute(PerAccount);
        _addresses = PerMinute(PerAddress);
    }

    public int PerAccount { get; }
    public int PerAddress { get; }

    /// <summary>Null when the attempt may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? Refuse(string email, string? address)
    {
        using var account = _accounts.AttemptAcquire(email.Trim().ToUpperInvariant());
        using var client = _addresses.AttemptAcquire(address ?? "unknown");
        foreach (var lease in new[] { account, client })
        {
            if (!lease.IsAcquired) return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        }
        return null;
    }

    /// <summary>The 429 answer, as ProblemDetails with Retry-After in whole seconds.</summary>
    public static IResult TooMany(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem($"Too many attempts to sign in: try again in {seconds} seconds.", statusCode: 429,
            title: "Too many attempts");
    }

    public void Dispose()
    {
        _accounts.Dispose();
        _addresses.Dispose();
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));
}

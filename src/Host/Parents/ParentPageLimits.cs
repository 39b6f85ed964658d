using System.Threading.RateLimiting;
using SendWorkflow.Send.ParentLinks;

namespace SendWorkflow.Host.Parents;

/// <summary>
/// How often the parent's page may be asked for (opened or sent) per minute, as sign-in is limited
/// (<see cref="Security.SignInLimits"/>): per link, so one link can't be hammered, and per client address, so nobody
/// can try token after token. Beyond either, the page asks the parent to wait (429 with Retry-After) before any look
/// in the database. Both are settings: <c>RateLimits__ParentLinkPerLinkPerMinute</c> (10) and
/// <c>RateLimits__ParentLinkPerAddressPerMinute</c> (30).
/// </summary>
public sealed class ParentPageLimits : IDisposable
{
    private readonly PartitionedRateLimiter<(string Link, string Address)> _limiter;

    public ParentPageLimits(IConfiguration config)
    {
        PerLink = config.GetValue("RateLimits:ParentLinkPerLinkPerMinute", 10);
        PerAddress = config.GetValue("RateLimits:ParentLinkPerAddressPerMinute", 30);
        // The address first: an address over its limit is refused without spending the link's.
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Link, string Address), string>(a => PerMinute(a.Address, PerAddress)),
            PartitionedRateLimiter.Create<(string Link, string Address), string>(a => PerMinute(a.Link, PerLink)));
    }

    public int PerLink { get; }
    public int PerAddress { get; }

    /// <summary>Null when the request may go ahead; otherwise how long to wait. The link is known here by its token's hash only.</summary>
    public TimeSpan? Refuse(string token, string? address)
    {
        using var lease = _limiter.AttemptAcquire((ParentLinkTokens.Hash(token), address ?? "unknown"));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        });
}

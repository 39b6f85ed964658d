using System.Buffers.Binary;

namespace SendWorkflow.Workflows.Runtime.Factories;

/// <summary>
/// Version 7 GUIDs (RFC 9562) that keep increasing within this process: the instant's milliseconds, then a 12-bit
/// sequence within the millisecond (the RFC's "monotonic random" method), then 62 random bits. Two ids taken in the same
/// millisecond, as every id of a simulated day or a frozen test clock is, come out in order rather than at random, so
/// a batch's new rows land next to each other in each index that holds their id instead of on a page of their own.
/// When the sequence runs out within a millisecond, or the clock is behind the last id, the ids borrow the next
/// millisecond: they stay unique and ordered, and an id's instant is never earlier than the clock's.
/// </summary>
public sealed class OrderedIds
{
    private long _last;

    /// <summary>The ids of this process's new instances, tasks and timers.</summary>
    public static OrderedIds Shared { get; } = new();

    /// <summary>The next id for a row created at the instant (UTC).</summary>
    public Guid Next(DateTime utcNow)
    {
        var stamp = new DateTimeOffset(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc)).ToUnixTimeMilliseconds() << 12;
        long seen, next;
        do
        {
            seen = Volatile.Read(ref _last);
            next = Math.Max(stamp, seen + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, seen) != seen);

        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[8..]);
        // 48 bits of milliseconds, the version (7) and the 12-bit sequence, then the variant (10) over the random bits.
        BinaryPrimitives.WriteInt64BigEndian(bytes, ((next >> 12) << 16) | 0x7000 | (next & 0xFFF));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}

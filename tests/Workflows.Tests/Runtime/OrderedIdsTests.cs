using SendWorkflow.Workflows.Runtime.Factories;

namespace SendWorkflow.Workflows.Tests.Runtime;

/// <summary>
/// New rows' ids increase even when the clock stands still (a simulated day, a test's frozen clock), so that a batch's
/// rows sit next to each other in the indexes that hold their ids; they stay unique, RFC 9562 version 7 and no earlier
/// than the clock.
/// </summary>
public class OrderedIdsTests
{
    private static readonly DateTime Instant = new(2026, 11, 30, 22, 15, 0, 123, DateTimeKind.Utc);

    // The order of a GUID's upper-case text is the order the indexes keep: SQLite's (its 16 bytes in the order the text is
    // written, GuidBytes) and PostgreSQL's (uuid).
    private static string Stored(Guid id) => id.ToString().ToUpperInvariant();

    [Fact]
    public void IdsTakenAtOneInstant_IncreaseAsTextAndAsUuids_AndCarryTheInstant()
    {
        var ids = new OrderedIds();
        var taken = Enumerable.Range(0, 1000).Select(_ => ids.Next(Instant)).ToList();

        for (var i = 1; i < taken.Count; i++)
        {
            Assert.True(string.CompareOrdinal(Stored(taken[i - 1]), Stored(taken[i])) < 0, $"id {i} is not after id {i - 1}");
            Assert.True(taken[i - 1].CompareTo(taken[i]) < 0);
        }
        Assert.All(taken, id => Assert.Equal(7, id.Version));
        Assert.All(taken, id => Assert.Equal(0b1000, id.Variant & 0b1100));
        var millis = Convert.ToInt64(taken[0].ToString("N")[..12], 16);
        Assert.Equal(new DateTimeOffset(Instant).ToUnixTimeMilliseconds(), millis);
    }

    [Fact]
    public void MoreIdsThanTheSequenceHolds_BorrowTheNextMillisecond_AndAClockBehindNeverMakesAnEarlierId()
    {
        var ids = new OrderedIds();
        var first = ids.Next(Instant);
        var many = Enumerable.Range(0, 5000).Select(_ => ids.Next(Instant)).ToList();
        var afterEarlierClock = ids.Next(Instant.AddSeconds(-5));

        var lastMillis = Convert.ToInt64(many[^1].ToString("N")[..12], 16);
        Assert.Equal(new DateTimeOffset(Instant).ToUnixTimeMilliseconds() + 1, lastMillis);
        Assert.True(string.CompareOrdinal(Stored(first), Stored(many[0])) < 0);
        Assert.True(string.CompareOrdinal(Stored(many[^1]), Stored(afterEarlierClock)) < 0);
    }

    [Fact]
    public async Task IdsTakenOnFourThreadsAtOnce_AreAllDifferent_AndIncreaseOnEachThread()
    {
        var ids = new OrderedIds();
        var threads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 20_000).Select(_ => ids.Next(Instant)).ToList())));

        Assert.Equal(80_000, threads.SelectMany(t => t).Distinct().Count());
        Assert.All(threads, t => Assert.True(t.Zip(t.Skip(1)).All(p => p.First.CompareTo(p.Second) < 0)));
    }
}

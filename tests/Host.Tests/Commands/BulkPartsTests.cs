using SendWorkflow.Host.Commands.Simulation;

namespace SendWorkflow.Host.Tests.Commands;

/// <summary>A large simulated day's bulk closings go in parts of a few schools, each of at least the day's threshold of rows.</summary>
public sealed class BulkPartsTests
{
    private static IEnumerable<IGrouping<string, int>> Schools(params (string School, int Rows)[] schools) =>
        schools.SelectMany(s => Enumerable.Range(0, s.Rows).Select(i => (s.School, Row: i))).GroupBy(r => r.School, r => r.Row);

    [Fact]
    public void SchoolsAreTakenInTurn_UntilAPartHoldsEnoughRows()
    {
        var parts = DailyWork.InParts(Schools(("a", 900), ("b", 900), ("c", 300), ("d", 2_500), ("e", 100), ("f", 50)), 2_000).ToList();

        Assert.Equal([["a", "b", "c"], ["d"], ["e", "f"]], parts.Select(p => p.Select(s => s.Key).ToArray()).ToArray());
        Assert.Equal([2_100, 2_500, 150], parts.Select(p => p.Sum(s => s.Count())).ToArray());
    }

    [Fact]
    public void EverySchoolIsInExactlyOnePart_AndNoPartIsEmpty()
    {
        var schools = Enumerable.Range(0, 40).Select(i => ($"school-{i}", 150 + i * 7)).ToArray();

        var parts = DailyWork.InParts(Schools(schools), 2_000).ToList();

        Assert.Equal(schools.Select(s => s.Item1), parts.SelectMany(p => p.Select(s => s.Key)));
        Assert.All(parts, p => Assert.NotEmpty(p));
        Assert.All(parts.SkipLast(1), p => Assert.True(p.Sum(s => s.Count()) >= 2_000));
        Assert.Empty(DailyWork.InParts(Schools(), 2_000));
    }
}

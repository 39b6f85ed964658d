using SendWorkflow.Host.Studio;
using SendWorkflow.Send.Flow;

namespace SendWorkflow.Studio.Tests.Studio;

/// <summary>
/// The flow's figures matched to what the canvas draws: each arrow gets its transition's pupils, a transition the drawing
/// no longer has (renamed in the draft) gives its pupils to the arrow drawn between the same states, and the heat map's
/// scale tops at the longest median, rounded up. The median of grouped times is the middle pupil's.
/// </summary>
public sealed class FlowPaintTests
{
    private static readonly GraphModel Graph = GraphBuilder.Build(Definitions.Chain("paint", 3));

    private static FlowDto Flow(IReadOnlyList<FlowStateDto> states, IReadOnlyList<FlowArrowDto> arrows) =>
        new("paint", "Paint", [1], false, new DateOnly(2026, 11, 9), new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 9),
            states.Sum(s => s.Pupils), states, arrows);

    [Fact]
    public void EachArrow_GetsItsTransitionsPupils_AndARenamedOne_GoesToTheArrowBetweenTheSameStates()
    {
        var flow = Flow(
            [new("step-1", "Step 1", 1, 2, 3.2, 1, 50), new("step-2", "Step 2", 2, 1, 0.4, 0, 0)],
            [
                new("step-1", "step-2", 5, [new("up-1", 3), new("up-1-before-its-rename", 2)]),
                new("step-2", "step-1", 1, [new("down-2", 1)]),
                new("step-1", "nowhere-drawn", 4, [new("gone", 4)]),
            ]);

        var paint = FlowPaint.From(flow, Graph);

        Assert.Equal(5, paint.Edges["up-1"]);
        Assert.Equal(1, paint.Edges["down-2"]);
        Assert.Equal(0, paint.Edges["up-2"]);
        Assert.DoesNotContain("gone", paint.Edges.Keys);
        Assert.Equal((2, 3.2, 50.0), (paint.States["step-1"].Pupils, paint.States["step-1"].Median, paint.States["step-1"].OverduePercent));
        Assert.Equal(4, paint.MaxWeeks);
    }

    [Fact]
    public void TheScale_IsAtLeastOneSchoolWeek_WhenNobodyHasSpentAnyTimeAnywhere()
    {
        var flow = Flow([new("step-1", "Step 1", 1, 3, 0, 0, 0), new("step-2", "Step 2", 2, 0, null, 0, null)], []);
        Assert.Equal(1, FlowPaint.ScaleTop(flow));
    }

    [Theory]
    [InlineData(new[] { 1.0 }, new[] { 3 }, 1.0)]
    [InlineData(new[] { 0.0, 3.0 }, new[] { 1, 3 }, 3.0)]
    [InlineData(new[] { 1.0, 2.0 }, new[] { 1, 1 }, 1.5)]
    [InlineData(new[] { 0.2, 0.4, 5.0 }, new[] { 2, 1, 2 }, 0.4)]
    public void TheMedian_OfGroupedTimes_IsTheMiddlePupils(double[] weeks, int[] pupils, double median) =>
        Assert.Equal(median, PathwayFlow.Median(weeks.Zip(pupils)));

    [Fact]
    public void TheMedian_OfNobody_IsNone() => Assert.Null(PathwayFlow.Median([]));
}

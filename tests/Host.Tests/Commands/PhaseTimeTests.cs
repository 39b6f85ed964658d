using SendWorkflow.Host.Commands;
using SendWorkflow.Host.Commands.Simulation;

namespace SendWorkflow.Host.Tests.Commands;

/// <summary>The simulated year's account of each part: its wall time, the cores kept busy and the writer's share.</summary>
public sealed class PhaseTimeTests
{
    [Fact]
    public void Parts_AddUp_AndSayHowBusyTheCoresAndTheWriterWere()
    {
        var nights = new PhaseTime(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3));
        var reviews = new PhaseTime(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(5));

        var both = nights + reviews;

        Assert.Equal(new PhaseTime(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(14), TimeSpan.FromSeconds(8)), both);
        Assert.Equal(1.4, both.Cores, 6);
        Assert.Equal(0.8, both.WriterShare, 6);
        Assert.Equal(1.25, nights.Cores, 6);
    }

    [Fact]
    public void APartThatTookNoTime_IsNoShareOfAnything()
    {
        var none = default(PhaseTime);

        Assert.Equal(0, none.Cores);
        Assert.Equal(0, none.WriterShare);
    }
}

/// <summary>What the runtime's compiler did meanwhile, as `bench` and `simulate` print it.</summary>
public sealed class JitWorkTests
{
    [Fact]
    public void TheCompilerWorkBetweenTwoMoments_IsTheirDifference_InvariantlyPrinted()
    {
        var before = new JitWork(1_000, TimeSpan.FromSeconds(1.5));
        var after = new JitWork(13_220, TimeSpan.FromSeconds(5.54));

        var year = after - before;

        Assert.Equal(new JitWork(12_220, TimeSpan.FromSeconds(4.04)), year);
        Assert.Equal("12220 methods in 4.0 s", year.Describe("0.0"));
        Assert.Equal("12220 methods in 4.04 s", year.Describe("0.00"));
    }

    [Fact]
    public void WorkSinceAMoment_NeverGoesBack()
    {
        var start = JitWork.Now();
        // An expression compiled now is compiled by the runtime's compiler, so the count can only have grown.
        System.Linq.Expressions.Expression.Lambda<Func<int>>(System.Linq.Expressions.Expression.Constant(42)).Compile()();

        var since = start.Since();

        Assert.True(since.Methods >= 0);
        Assert.True(since.Time >= TimeSpan.Zero);
    }
}

/// <summary>What the garbage collector did meanwhile, as `bench` and `simulate` print it.</summary>
public sealed class GcWorkTests
{
    [Fact]
    public void TheCollectorsWorkBetweenTwoMoments_IsTheirDifference_EachGenerationApart()
    {
        var before = new GcWork(10, 3, 1, TimeSpan.FromSeconds(0.25), 100L * 1024 * 1024);
        var after = new GcWork(50, 10, 3, TimeSpan.FromSeconds(1.63), 3_600L * 1024 * 1024);

        var year = after - before;

        Assert.Equal(new GcWork(40, 7, 2, TimeSpan.FromSeconds(1.38), 3_500L * 1024 * 1024), year);
        // A full collection is counted among the middle and young ones too: each is printed once, as what it was.
        Assert.Equal("40 collections (33 young, 5 middle, 2 full), every thread stopped 1.38 s; 3,500 MiB allocated", year.Describe("0.00"));
    }

    [Fact]
    public void WorkSinceAMoment_CountsACollectionMadeMeanwhile()
    {
        var start = GcWork.Now();

        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        var since = start.Since();

        Assert.True(since.Young >= 1);
        Assert.True(since.Paused >= TimeSpan.Zero);
        Assert.True(since.Allocated >= 0);
    }
}

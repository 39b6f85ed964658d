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

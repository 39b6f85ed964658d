using System.Diagnostics;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Host.Commands.Simulation;

/// <summary>
/// A part of the simulated year's time: its wall time, the CPU the process used meanwhile (all threads) and the single
/// writer's busy time meanwhile. Beside each other they say what held the part up: the writer (busy nearly all of it),
/// the two cores (both busy), or neither (work done one step after another, waiting).
/// </summary>
internal readonly record struct PhaseTime(TimeSpan Wall, TimeSpan Cpu, TimeSpan Writer)
{
    public static PhaseTime operator +(PhaseTime a, PhaseTime b) => new(a.Wall + b.Wall, a.Cpu + b.Cpu, a.Writer + b.Writer);

    /// <summary>The cores the process kept busy on average.</summary>
    public double Cores => Wall > TimeSpan.Zero ? Cpu / Wall : 0;

    /// <summary>The share of the wall time the writer was busy.</summary>
    public double WriterShare => Wall > TimeSpan.Zero ? Writer / Wall : 0;
}

/// <summary>Times parts of the simulated year as <see cref="PhaseTime"/>s.</summary>
internal sealed class PhaseClock(SqliteWorkflowWriter writer)
{
    public readonly record struct Mark(long Wall, TimeSpan Cpu, TimeSpan Writer);

    public Mark Now() => new(Stopwatch.GetTimestamp(), CpuTime(), writer.Busy);

    public PhaseTime Since(Mark start) => new(Stopwatch.GetElapsedTime(start.Wall), CpuTime() - start.Cpu, writer.Busy - start.Writer);

    public async Task<PhaseTime> TimeAsync(Func<Task> work)
    {
        var start = Now();
        await work();
        return Since(start);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

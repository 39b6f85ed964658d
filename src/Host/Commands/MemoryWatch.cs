using System.Diagnostics;
using System.Globalization;

namespace SendWorkflow.Host.Commands;

/// <summary>
/// The process's peak memory while a command runs, in two parts, looked at every 50 ms: its own (the heap, SQLite's caches,
/// stacks: what it alone holds, <c>RssAnon</c>) and its working set, which also counts the program's own files (its code)
/// and the pages of the database's files it reads through maps (<c>SqliteFileMap</c>). Those pages are the kernel's cache
/// of the files, which a <c>pread</c> fills as well without their showing in the working set; the kernel can take them
/// back under pressure. Where the system gives no such figures (not Linux), both are the working set's peak.
/// </summary>
internal sealed class MemoryWatch : PeriodicWatch
{
    private const string Status = "/proc/self/status";
    private long _ownPeak;

    public MemoryWatch()
    {
        Look();
        Start();
    }

    /// <summary>The largest memory the process held of its own, in MiB.</summary>
    public long OwnPeakMiB
    {
        get
        {
            Look();
            return (Interlocked.Read(ref _ownPeak) is > 0 and var own ? own : WorkingSetPeak()) / 1024 / 1024;
        }
    }

    /// <summary>The largest working set, the mapped files' pages included, in MiB.</summary>
    public static long WorkingSetPeakMiB => WorkingSetPeak() / 1024 / 1024;

    private static long WorkingSetPeak()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    protected override void Look()
    {
        var own = OwnNow();
        var peak = Interlocked.Read(ref _ownPeak);
        while (own > peak)
        {
            var seen = Interlocked.CompareExchange(ref _ownPeak, own, peak);
            if (seen == peak) return;
            peak = seen;
        }
    }

    // RssAnon, in bytes; 0 where /proc gives none.
    private static long OwnNow()
    {
        try
        {
            if (!File.Exists(Status)) return 0;
            foreach (var line in File.ReadLines(Status))
            {
                if (!line.StartsWith("RssAnon:", StringComparison.Ordinal)) continue;
                var kb = line["RssAnon:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }
}

namespace SendWorkflow.Host.Commands;

/// <summary>
/// What the runtime's compiler did between two moments: the methods it compiled (its tiers, and expression trees) and the
/// time it took. Beside a benchmark's figure it says whether the figure is the running service's or a process's first minute.
/// </summary>
internal readonly record struct JitWork(long Methods, TimeSpan Time)
{
    public static JitWork Now() => new(System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());

    public JitWork Since() => Now() - this;

    public static JitWork operator -(JitWork a, JitWork b) => new(a.Methods - b.Methods, a.Time - b.Time);

    /// <summary>"12220 methods in 4.0 s".</summary>
    public string Describe(string seconds) =>
        $"{Methods} methods in {Time.TotalSeconds.ToString(seconds, System.Globalization.CultureInfo.InvariantCulture)} s";
}

namespace SendWorkflow.Host.Commands;

/// <summary>
/// The WAL file's largest length while a command runs, looked at every 50 ms (the file keeps its length when the log is
/// rewound, so the largest length seen is the most disk the log took), and what the command was doing when the log first
/// reached it (<see cref="Phase"/>, set by the command), so that a log past its limit says where to look.
/// </summary>
internal sealed class WalWatch : PeriodicWatch
{
    private readonly string _wal;
    private long _peak;
    private volatile string _phase = "the work before the watch began (the log's length then)";
    private volatile string _peakPhase = "nothing: the log stayed empty";

    public WalWatch(string databaseFile)
    {
        _wal = databaseFile + "-wal";
        _peak = Length();
        if (_peak > 0) _peakPhase = _phase;
        Start();
    }

    public double PeakMiB => Math.Max(_peak, Length()) / 1024.0 / 1024.0;

    /// <summary>What the command is doing now ("the reviews of 3 March"); the log's growth is put down to it.</summary>
    public string Phase
    {
        get => _phase;
        set => _phase = value;
    }

    /// <summary>What the command was doing when the log reached its largest length.</summary>
    public string PeakPhase => _peakPhase;

    protected override void Look()
    {
        var length = Length();
        if (length <= _peak) return;
        _peak = length;
        _peakPhase = _phase;
    }

    private long Length()
    {
        try
        {
            return File.Exists(_wal) ? new FileInfo(_wal).Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

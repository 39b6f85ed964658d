namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// The subjects' placements held between units of work, on SQLite (one host): a pupil's school, borough, year group,
/// whether looked after and the transfer their school's phase makes this year, or a school's borough. Most units read
/// their subject's (an event's rules, a start), and on SQLite that read was a unit's only one once its instance was held
/// in memory (<see cref="InstanceStateCache"/>): a read transaction and a join of two tables whose pages a commit had
/// just dropped from the connection's cache, 33 us a read, 0.7 a unit in the simulated year (docs/benchmark-log.md,
/// 3 December 2026). Pupils and schools change seldom (an import, a year group's move, a pupil's new school), and
/// always through EF: any EF command that writes to either table empties this cache, once when it has run and again when
/// its transaction commits (<see cref="OutsideWriteInterceptor"/>). A placement read from the database is kept only if no
/// such write came after the reading unit began (<see cref="Offer"/>), so an older placement never outlives a newer one.
/// A subject not found is not kept.
/// </summary>
/// <param name="capacity">How many placements are held at most; past it the cache starts again empty.</param>
internal sealed class SubjectPlacementCache(int capacity = SubjectPlacementCache.DefaultCapacity)
{
    /// <summary>About 40 MB at most, for a register of 200,000 pupils.</summary>
    public const int DefaultCapacity = 200_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SubjectPlacement> _held = new(StringComparer.Ordinal);
    private long _writes;

    /// <summary>The writes to pupils or schools so far: what a unit notes before its first read.</summary>
    public long Writes
    {
        get
        {
            lock (_lock) return _writes;
        }
    }

    /// <summary>How many placements are held.</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _held.Count;
        }
    }

    /// <summary>The placement of the subject, if held. A placement is a record no unit changes, so it is handed out as it is.</summary>
    public SubjectPlacement? Find(string subjectId)
    {
        lock (_lock) return _held.GetValueOrDefault(subjectId);
    }

    /// <summary>
    /// Keeps a placement a unit read from the database, if no write to pupils or schools came after <paramref name="notedAt"/>,
    /// the count of them (<see cref="Writes"/>) the unit noted before its first read.
    /// </summary>
    public void Offer(string subjectId, SubjectPlacement placement, long notedAt)
    {
        lock (_lock)
        {
            if (notedAt != _writes) return;
            if (_held.Count >= capacity && !_held.ContainsKey(subjectId)) _held.Clear();
            _held[subjectId] = placement;
        }
    }

    /// <summary>A write to pupils or schools: every placement held goes, and every offer noted before it is refused.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _writes++;
            _held.Clear();
        }
    }
}

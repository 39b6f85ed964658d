using SendWorkflow.Persistence.Writing;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// The units of work's reads on SQLite, through statements prepared once per connection (<see cref="SqliteReaders"/>),
/// their rows made into entities with the EF Core model's columns and conversions (<see cref="TableRows{T}"/>). The same
/// queries as <see cref="EfSessionReads"/>, whose results <c>SqliteStoreTests</c> compares with these to the column. A unit of
/// work's reads share one read transaction (<see cref="Snapshot"/>), let go before its changes go to the writer; the instance's
/// stamp guards the write.
/// </summary>
internal sealed class SqliteSessionReads : ISessionReadSource, IDisposable
{
    private readonly SqliteReaders _readers;
    private readonly SqliteWorkflowWriter _writer;
    private readonly TableRows<WorkflowInstance> _instances;
    private readonly TableRows<WorkTask> _tasks;
    private readonly TableRows<WorkflowTimer> _timers;
    private readonly TableRows<Pupil> _pupils;
    private readonly TableRows<School> _schools;
    private readonly TableRows<Milestone> _milestones;
    private readonly object? _open;
    private readonly object? _pending;
    private readonly object? _active;
    private readonly string _instanceById, _taskById, _timerById, _openTasks, _pendingTimers, _pupil, _school, _activeInstance, _hasTask,
        _latestMilestone;

    /// <param name="writer">The writer whose model gives the columns, and whose profile, while a bench sets it, times the reads.</param>
    public SqliteSessionReads(string connectionString, SqliteWorkflowWriter writer)
    {
        _readers = new SqliteReaders(connectionString);
        _writer = writer;
        var model = writer.Model;
        (_instances, _tasks, _timers) = (new(model), new(model), new(model));
        (_pupils, _schools, _milestones) = (new(model), new(model), new(model));
        _open = _tasks.Parameter(nameof(WorkTask.Status), WorkTaskStatus.Open);
        _pending = _timers.Parameter(nameof(WorkflowTimer.Status), TimerStatus.Pending);
        _active = _instances.Parameter(nameof(WorkflowInstance.Status), InstanceStatus.Active);
        const string id = nameof(WorkTask.Id), instanceId = nameof(WorkTask.InstanceId), status = nameof(WorkTask.Status);
        _instanceById = $"{_instances.Select} WHERE {_instances.Equal(id)}";
        _taskById = $"{_tasks.Select} WHERE {_tasks.Equal(id)}";
        _timerById = $"{_timers.Select} WHERE {_timers.Equal(id)}";
        _openTasks = $"{_tasks.Select} WHERE {_tasks.Equal(instanceId, status)}";
        _pendingTimers = $"{_timers.Select} WHERE {_timers.Equal(instanceId, status)}";
        _pupil = $"SELECT p.{_pupils.Quoted(nameof(Pupil.YearGroup))}, p.{_pupils.Quoted(nameof(Pupil.LookedAfter))}, "
            + $"s.{_schools.Quoted(nameof(School.Id))}, s.{_schools.Quoted(nameof(School.BoroughId))}, s.{_schools.Quoted(nameof(School.Phase))} "
            + $"FROM \"{_pupils.Table}\" AS p JOIN \"{_schools.Table}\" AS s ON p.{_pupils.Quoted(nameof(Pupil.SchoolId))} = "
            + $"s.{_schools.Quoted(nameof(School.Id))} WHERE p.{_pupils.Equal(nameof(Pupil.Id))}";
        _school = $"SELECT {_schools.Quoted(nameof(School.BoroughId))} FROM \"{_schools.Table}\" WHERE {_schools.Equal(nameof(School.Id))}";
        var active = _instances.Equal(nameof(WorkflowInstance.SubjectId), nameof(WorkflowInstance.DefinitionId), nameof(WorkflowInstance.Status));
        _activeInstance = $"SELECT {_instances.Quoted(id)} FROM \"{_instances.Table}\" WHERE {active} LIMIT 1";
        _hasTask = $"SELECT 1 FROM \"{_tasks.Table}\" WHERE {_tasks.Equal(instanceId, nameof(WorkTask.DefinitionTaskId))} LIMIT 1";
        _latestMilestone = $"SELECT MAX({_milestones.Quoted(nameof(Milestone.On))}) FROM \"{_milestones.Table}\" "
            + $"WHERE {_milestones.Equal(nameof(Milestone.InstanceId), nameof(Milestone.Name))}";
    }

    /// <summary>A unit of work's reads; the connections outlive it.</summary>
    public Task<ISessionReads> OpenAsync(CancellationToken ct) => Task.FromResult<ISessionReads>(new Snapshot(this));

    private WorkflowInstance? InstanceById(SqliteReaders.Reader r, Guid id) => r.First(_instanceById, _instances.Read, id);

    private SubjectPlacement? PupilById(SqliteReaders.Reader r, string pupilId) => r.First(_pupil, row =>
    {
        var yearGroup = (int)_pupils.Value(row, 0, nameof(Pupil.YearGroup))!;
        var phase = (string?)_schools.Value(row, 4, nameof(School.Phase));
        return new SubjectPlacement(pupilId, (string)_schools.Value(row, 2, nameof(School.Id))!,
            (string)_schools.Value(row, 3, nameof(School.BoroughId))!, yearGroup, (bool)_pupils.Value(row, 1, nameof(Pupil.LookedAfter))!)
        {
            Transfer = SchoolPhases.TransferOf(phase, yearGroup),
        };
    }, pupilId);

    private SubjectPlacement? SchoolById(SqliteReaders.Reader r, string schoolId) => r.First(_school, row =>
        new SubjectPlacement(SchoolSubject.Prefix + schoolId, schoolId, (string)_schools.Value(row, 0, nameof(School.BoroughId))!, 0, false),
        schoolId);

    private Guid? ActiveInstanceOf(SqliteReaders.Reader r, string subjectId, string definitionId) => r.First(_activeInstance,
        row => (Guid?)_instances.Value(row, 0, nameof(WorkflowInstance.Id)), subjectId, definitionId, _active);

    private WorkTask? TaskById(SqliteReaders.Reader r, Guid id) => r.First(_taskById, _tasks.Read, id);

    private WorkflowTimer? TimerById(SqliteReaders.Reader r, Guid id) => r.First(_timerById, _timers.Read, id);

    private List<WorkTask> OpenTasksOf(SqliteReaders.Reader r, Guid instanceId) => r.All(_openTasks, _tasks.Read, instanceId, _open);

    private List<WorkflowTimer> PendingTimersOf(SqliteReaders.Reader r, Guid instanceId) =>
        r.All(_pendingTimers, _timers.Read, instanceId, _pending);

    private bool HasTaskOf(SqliteReaders.Reader r, Guid instanceId, string definitionTaskId) =>
        r.First(_hasTask, _ => true, instanceId, definitionTaskId);

    private DateOnly? LatestMilestoneOf(SqliteReaders.Reader r, Guid instanceId, string name) =>
        r.First(_latestMilestone, row => (DateOnly?)_milestones.Value(row, 0, nameof(Milestone.On)), instanceId, name);

    public void Dispose() => _readers.Dispose();

    /// <summary>
    /// One unit of work's reads, on one connection in one read transaction from its first read to <see cref="End"/> (before
    /// the unit's changes go to the writer) or the unit's end: one snapshot, and the pages a commit has changed reloaded
    /// once for the unit rather than once per read (SQLite drops a connection's whole page cache when a read transaction
    /// begins after another connection's commit). The reads are synchronous and run one at a time, as a unit of work's do.
    /// </summary>
    private sealed class Snapshot(SqliteSessionReads q) : ISessionReads
    {
        private SqliteReaders.Reader? _reader;
        // The commits made before this unit's first read: what it reads from the database is at least as new (InstanceStateCache.Offer).
        private readonly long _seenAt = q._writer.States.Commits;
        // Instances' state taken from the cache, each whole, and only before the unit read any instance's state from the database:
        // its view is then one moment, which the instance's stamp guards.
        private readonly Dictionary<Guid, InstanceStateCache.State> _taken = [];
        private bool _readState;
        // Instances' state read whole from the database in this unit's snapshot, and offered to the cache.
        private readonly Dictionary<Guid, InstanceStateCache.State> _read = [];
        private readonly HashSet<Guid> _absent = [];

        public Task<WorkflowInstance?> InstanceAsync(Guid id, CancellationToken ct) => Task.FromResult(Whole(id)?.Instance);

        // The writes to pupils or schools before this unit's first read: a placement it reads is at least as new (SubjectPlacementCache.Offer).
        private readonly long _subjectsAt = q._writer.Subjects.Writes;

        public Task<SubjectPlacement?> PupilAsync(string pupilId, CancellationToken ct) => Placement(pupilId, r => q.PupilById(r, pupilId));

        public Task<SubjectPlacement?> SchoolAsync(string schoolId, CancellationToken ct) =>
            Placement(SchoolSubject.Prefix + schoolId, r => q.SchoolById(r, schoolId));

        // A subject's placement, held or else read in this unit's snapshot and offered; a subject not found is read each time.
        private Task<SubjectPlacement?> Placement(string subjectId, Func<SqliteReaders.Reader, SubjectPlacement?> read)
        {
            if (q._writer.Subjects.Find(subjectId) is { } held) return Task.FromResult<SubjectPlacement?>(held);
            var placement = Read(read).Result;
            if (placement is not null) q._writer.Subjects.Offer(subjectId, placement, _subjectsAt);
            return Task.FromResult(placement);
        }

        public Task<Guid?> ActiveInstanceAsync(string subjectId, string definitionId, CancellationToken ct) =>
            ReadState(r => q.ActiveInstanceOf(r, subjectId, definitionId));

        // A unit that begins with a task's or a timer's id (a review completed, a timer fired) takes its instance whole when
        // the task is open or the timer pending in it; a closed one, or one of an instance not held, is read from the database.
        public Task<WorkTask?> TaskAsync(Guid id, CancellationToken ct) =>
            HeldTask(id) is { } task ? Task.FromResult<WorkTask?>(task) : ReadState(r => q.TaskById(r, id));

        // Tasks a unit changes alone (a warning of each): copied one by one, not their instances whole (the task's revision
        // guards its write, and the unit touches nothing else of the instance). One not held means a read of them all.
        public Task<IReadOnlyList<WorkTask>> TasksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
        {
            var held = ids.Distinct().Select(HeldTaskAlone).ToList();
            if (held.TrueForAll(t => t is not null)) return Task.FromResult<IReadOnlyList<WorkTask>>(held!);
            return ReadState<IReadOnlyList<WorkTask>>(r => ids.Distinct().Select(id => q.TaskById(r, id)).OfType<WorkTask>().ToList());
        }

        public Task<WorkflowTimer?> TimerAsync(Guid id, CancellationToken ct)
        {
            if (!_readState && q._writer.States.OwnerOf(id) is { } owner && Taken(owner)?.PendingTimers.Find(t => t.Id == id) is { } timer)
                return Task.FromResult<WorkflowTimer?>(timer);
            return ReadState(r => q.TimerById(r, id));
        }

        private WorkTask? HeldTask(Guid id) =>
            !_readState && q._writer.States.OwnerOf(id) is { } owner ? Taken(owner)?.OpenTasks.Find(t => t.Id == id) : null;

        private WorkTask? HeldTaskAlone(Guid id)
        {
            if (_readState || q._writer.States.OwnerOf(id) is not { } owner) return null;
            return _taken.TryGetValue(owner, out var whole) ? whole.OpenTasks.Find(t => t.Id == id) : q._writer.States.TakeTask(owner, id);
        }

        // Rows of an instance that has none of its own (a database written by hand) are still read as they are.
        public Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId, CancellationToken ct) => Whole(instanceId) is { } state
            ? Task.FromResult<IReadOnlyList<WorkTask>>(state.OpenTasks) : ReadState<IReadOnlyList<WorkTask>>(r => q.OpenTasksOf(r, instanceId));

        public Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid instanceId, CancellationToken ct) => Whole(instanceId) is { } state
            ? Task.FromResult<IReadOnlyList<WorkflowTimer>>(state.PendingTimers)
            : ReadState<IReadOnlyList<WorkflowTimer>>(r => q.PendingTimersOf(r, instanceId));

        public Task<bool> HasTaskAsync(Guid instanceId, string definitionTaskId, CancellationToken ct) =>
            ReadState(r => q.HasTaskOf(r, instanceId, definitionTaskId));

        public Task<DateOnly?> LatestMilestoneAsync(Guid instanceId, string name, CancellationToken ct) =>
            ReadState(r => q.LatestMilestoneOf(r, instanceId, name));

        // An instance's state: taken from the cache, or else read whole from the database (its row, open tasks and pending
        // timers, in this unit's snapshot) and offered to it. Whole, even when the unit needs only the row (a review that keeps
        // the pupil where it is): an instance held in part could be taken by no later unit. None for an instance with no row.
        private InstanceStateCache.State? Whole(Guid instanceId)
        {
            if (Taken(instanceId) is { } held) return held;
            if (_read.TryGetValue(instanceId, out var read)) return read;
            if (_absent.Contains(instanceId)) return null;
            if (ReadState(r => q.InstanceById(r, instanceId)).Result is not { } instance)
            {
                _absent.Add(instanceId);
                return null;
            }
            read = new(instance, Read(r => q.OpenTasksOf(r, instanceId)).Result, Read(r => q.PendingTimersOf(r, instanceId)).Result);
            _read[instanceId] = read;
            q._writer.States.Offer(instanceId, _seenAt, read.Instance, read.OpenTasks, read.PendingTimers);
            return read;
        }

        private InstanceStateCache.State? Taken(Guid instanceId)
        {
            if (_taken.TryGetValue(instanceId, out var held)) return held;
            if (_readState || q._writer.States.Take(instanceId) is not { } taken) return null;
            _taken[instanceId] = taken;
            return taken;
        }

        // A read of instances' state (not of a pupil's school): from here on, none is taken from the cache.
        private Task<T> ReadState<T>(Func<SqliteReaders.Reader, T> read)
        {
            _readState = true;
            return Read(read);
        }

        public void End()
        {
            if (_reader is not { } reader) return;
            _reader = null;
            q._readers.Give(reader, failed: false);
        }

        public ValueTask DisposeAsync()
        {
            End();
            return ValueTask.CompletedTask;
        }

        private Task<T> Read<T>(Func<SqliteReaders.Reader, T> read)
        {
            var profile = q._writer.Profile;
            var started = profile is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
            var reader = _reader ??= q._readers.Take();
            try
            {
                var result = read(reader);
                profile?.Read(started);
                return Task.FromResult(result);
            }
            catch
            {
                _reader = null;
                q._readers.Give(reader, failed: true);
                throw;
            }
        }
    }
}

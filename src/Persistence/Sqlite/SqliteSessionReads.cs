using Microsoft.EntityFrameworkCore.Metadata;
using SendWorkflow.Persistence.Writing;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// The units of work's reads on SQLite, through statements prepared once per connection (<see cref="SqliteReaders"/>),
/// their rows made into entities with the EF Core model's columns and conversions (<see cref="TableRows{T}"/>). The same
/// queries as <see cref="EfSessionReads"/>, whose results <c>SqliteStoreTests</c> compares with these to the column. Each read is its own
/// statement and snapshot, as each EF query was; the instance's stamp guards the write.
/// </summary>
internal sealed class SqliteSessionReads : ISessionReads, ISessionReadSource, IDisposable
{
    private readonly SqliteReaders _readers;
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

    public SqliteSessionReads(string connectionString, IModel model)
    {
        _readers = new SqliteReaders(connectionString);
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

    /// <summary>The reads are this one object for every unit of work: its connections outlive them.</summary>
    public Task<ISessionReads> OpenAsync(CancellationToken ct) => Task.FromResult<ISessionReads>(this);

    public Task<WorkflowInstance?> InstanceAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(_readers.Read(r => r.First(_instanceById, _instances.Read, id)));

    public Task<SubjectPlacement?> PupilAsync(string pupilId, CancellationToken ct) =>
        Task.FromResult(_readers.Read(r => r.First(_pupil, row =>
        {
            var yearGroup = (int)_pupils.Value(row, 0, nameof(Pupil.YearGroup))!;
            var phase = (string?)_schools.Value(row, 4, nameof(School.Phase));
            return new SubjectPlacement(pupilId, (string)_schools.Value(row, 2, nameof(School.Id))!,
                (string)_schools.Value(row, 3, nameof(School.BoroughId))!, yearGroup, (bool)_pupils.Value(row, 1, nameof(Pupil.LookedAfter))!)
            {
                Transfer = SchoolPhases.TransferOf(phase, yearGroup),
            };
        }, pupilId)));

    public Task<SubjectPlacement?> SchoolAsync(string schoolId, CancellationToken ct) =>
        Task.FromResult(_readers.Read(r => r.First(_school, row =>
            new SubjectPlacement(SchoolSubject.Prefix + schoolId, schoolId, (string)_schools.Value(row, 0, nameof(School.BoroughId))!, 0, false),
            schoolId)));

    public Task<Guid?> ActiveInstanceAsync(string subjectId, string definitionId, CancellationToken ct) =>
        Task.FromResult(_readers.Read(r => r.First(_activeInstance,
            row => (Guid?)_instances.Value(row, 0, nameof(WorkflowInstance.Id)), subjectId, definitionId, _active)));

    public Task<WorkTask?> TaskAsync(Guid id, CancellationToken ct) => Task.FromResult(_readers.Read(r => r.First(_taskById, _tasks.Read, id)));

    public Task<IReadOnlyList<WorkTask>> TasksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<WorkTask>>(_readers.Read(r =>
            ids.Distinct().Select(id => r.First(_taskById, _tasks.Read, id)).OfType<WorkTask>().ToList()));

    public Task<WorkflowTimer?> TimerAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(_readers.Read(r => r.First(_timerById, _timers.Read, id)));

    public Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<WorkTask>>(_readers.Read(r => r.All(_openTasks, _tasks.Read, instanceId, _open)));

    public Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid instanceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<WorkflowTimer>>(_readers.Read(r => r.All(_pendingTimers, _timers.Read, instanceId, _pending)));

    public Task<bool> HasTaskAsync(Guid instanceId, string definitionTaskId, CancellationToken ct) =>
        Task.FromResult(_readers.Read(r => r.First(_hasTask, _ => true, instanceId, definitionTaskId)));

    public Task<DateOnly?> LatestMilestoneAsync(Guid instanceId, string name, CancellationToken ct) =>
        Task.FromResult(_readers.Read(r => r.First(_latestMilestone,
            row => (DateOnly?)_milestones.Value(row, 0, nameof(Milestone.On)), instanceId, name)));

    /// <summary>Nothing to give back after a unit of work: the connections stay open for the next.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose() => _readers.Dispose();
}

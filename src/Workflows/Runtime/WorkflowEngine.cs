using SendWorkflow.Workflows.Runtime.Handlers;
using SendWorkflow.Workflows.Runtime.Migration;

namespace SendWorkflow.Workflows.Runtime;

/// <summary>
/// The runtime's operations, each handled as one unit of work by its handler: load, journal, compute facts, take the
/// first transition whose rule holds, leave and enter states, commit. A concurrency conflict retries the whole work.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly StartHandler _start;
    private readonly RaiseHandler _raise;
    private readonly CompleteTaskHandler _complete;
    private readonly FireTimerHandler _fire;
    private readonly WarnHandler _warn;
    private readonly EscalateHandler _escalate;
    private readonly ReplanHandler _replan;
    private readonly AssignTaskHandler _assign;
    private readonly CloseHandler _close;
    private readonly RecheckHandler _recheck;
    private readonly MigrateHandler _migrate;

    public WorkflowEngine(IWorkflowStore store, IDefinitionCatalog catalog, ICalendarProvider calendars, TimeProvider time)
    {
        var services = new EngineServices(store, catalog, calendars, time);
        var work = new UnitOfWork(store);
        var events = new EventApplier(services);
        _start = new StartHandler(services, events);
        _raise = new RaiseHandler(work, events);
        _complete = new CompleteTaskHandler(services, work, events);
        _fire = new FireTimerHandler(services, work, events);
        _warn = new WarnHandler(services, work);
        _escalate = new EscalateHandler(services, work);
        _replan = new ReplanHandler(services, work);
        _assign = new AssignTaskHandler(services, work);
        _close = new CloseHandler(services, work);
        _recheck = new RecheckHandler(services, work);
        _migrate = new MigrateHandler(services, work, new StateEnterer(services, events));
    }

    /// <summary>Starts the definition's published version (as it runs in the subject's borough) for the subject.</summary>
    /// <exception cref="SubjectNotFoundException">No such subject.</exception>
    /// <exception cref="AlreadyRunningException">The subject already runs an active instance of the definition.</exception>
    public Task<WorkflowInstance> StartAsync(string definitionId, string subjectId, string? actor, CancellationToken ct) =>
        _start.StartAsync(definitionId, subjectId, actor, ct);

    /// <summary>Handles an event from outside: the transition taken (with its rule) or none.</summary>
    public Task<EventOutcome> RaiseAsync(Guid instanceId, WorkflowEvent e, CancellationToken ct) =>
        _raise.RaiseAsync(instanceId, e, ct);

    /// <summary>
    /// Completes a task and, in the same transaction, raises the event it stands for. The form filled in with it
    /// (a review's next targets, who attended a meeting) goes into the journal with the completion.
    /// </summary>
    public Task<TaskCompletion> CompleteTaskAsync(TaskCompletionRequest request, CancellationToken ct) =>
        _complete.CompleteAsync(request, ct);

    /// <inheritdoc cref="CompleteTaskAsync(TaskCompletionRequest, CancellationToken)"/>
    public Task<TaskCompletion> CompleteTaskAsync(Guid taskId, string? outcome, string? notes, string? actor, CancellationToken ct,
        IReadOnlyDictionary<string, string>? form = null) =>
        _complete.CompleteAsync(new TaskCompletionRequest(taskId, outcome, notes, actor, form), ct);

    /// <summary>
    /// Assigns, claims or releases an open task, journaled in the same transaction, if it is still held by whom the caller
    /// read; otherwise <see cref="TaskAssignmentChangedException"/>, or <see cref="TaskNotOpenException"/> once it is done.
    /// </summary>
    public Task<WorkTask> AssignTaskAsync(TaskAssignment request, CancellationToken ct) => _assign.AssignAsync(request, ct);

    /// <summary>Fires one durable timer exactly once, or cancels it when its instance has gone or left its state.</summary>
    public Task<TimerOutcome> FireTimerAsync(Guid timerId, CancellationToken ct) => _fire.FireAsync(timerId, ct);

    /// <summary>Warns the roles of open tasks that fall due soon, each once; returns how many were warned.</summary>
    public Task<int> WarnManyAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken ct) => _warn.WarnManyAsync(taskIds, ct);

    /// <summary>Escalates an overdue open task to its escalation role, once; false when there was nothing to do.</summary>
    public Task<bool> EscalateAsync(Guid taskId, CancellationToken ct) => _escalate.EscalateAsync(taskId, ct);

    /// <summary>Moves pending deadlines to the parameters in force now; returns how many moved.</summary>
    public Task<int> ReplanAsync(Guid instanceId, string reason, string? actor, CancellationToken ct) =>
        _replan.ReplanAsync(instanceId, reason, actor, ct);

    /// <summary>
    /// Ends a running instance from outside (its subject has gone elsewhere): cancels its open tasks, stops its timers and
    /// journals the reason, in one unit of work; an instance that has already ended is left as it is.
    /// </summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public Task<InstanceClosure> CloseAsync(Guid instanceId, string reason, string? actor, CancellationToken ct) =>
        _close.CloseAsync(instanceId, reason, actor, ct);

    /// <summary>
    /// Hands out the current state's conditional tasks of the instance that now apply (its subject's year group moved
    /// on), each once, journaled with the reason; returns how many.
    /// </summary>
    public Task<int> RecheckTasksAsync(Guid instanceId, string reason, string? actor, CancellationToken ct) =>
        _recheck.RecheckAsync(instanceId, reason, actor, ct);

    /// <summary>
    /// Moves an instance to another version of its definition through a state map, in one unit of work (or, as a dry run,
    /// computes the same move and writes nothing): the plan of tasks and timers cancelled, kept and started, or why it was
    /// skipped (it moved on, ended, or runs another version).
    /// </summary>
    public Task<MigrationOutcome> MigrateAsync(InstanceMigration request, CancellationToken ct) => _migrate.MigrateAsync(request, ct);
}

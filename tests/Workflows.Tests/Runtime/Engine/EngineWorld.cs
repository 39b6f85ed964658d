using Microsoft.Extensions.Time.Testing;
using SendWorkflow.Workflows.Stores;
using SendWorkflow.Workflows.Stores.InMemory;

namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

/// <summary>
/// An engine on the in-memory store, a fake clock at the start of a school day, the demo borough's calendar and one
/// subject (year 5 at school-1). Definitions are the repository's workflows or small ones written in the test.
/// </summary>
internal sealed class EngineWorld
{
    public const string Borough = "demo-borough";
    public const string Subject = "subject-1";

    /// <param name="store">The store the engine writes through, when it is not <paramref name="shared"/> itself.</param>
    /// <param name="shared">The in-memory store the test reads.</param>
    public EngineWorld(string today = "2026-09-07", IWorkflowStore? store = null, InMemoryWorkflowStore? shared = null)
    {
        Store = shared ?? new InMemoryWorkflowStore();
        Clock = new FakeTimeProvider(UkTime.StartOf(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).AddHours(8));
        Store.AddSubject(new SubjectPlacement(Subject, "school-1", Borough, 5));
        Calendars.Add(Borough, Repo.DemoCalendar);
        Engine = new WorkflowEngine(store ?? Store, Catalog, Calendars, Clock);
    }

    public FakeTimeProvider Clock { get; }
    public InMemoryWorkflowStore Store { get; }
    public InMemoryDefinitionCatalog Catalog { get; } = new();
    public InMemoryCalendarProvider Calendars { get; } = new();
    public WorkflowEngine Engine { get; }

    public DateOnly Today => UkTime.DateOf(Clock.GetUtcNow());

    public EngineWorld WithShipped(params string[] ids)
    {
        foreach (var id in ids)
        {
            var path = Path.Combine(Repo.Root, "definitions", "workflows", $"{id}.json");
            Catalog.Add(Compiled.GetOrAdd(id, _ => CompiledDefinition.Compile(DefinitionJson.Parse(File.ReadAllText(path)))));
        }
        return this;
    }

    /// <summary>Adds a definition; the same content is compiled once for all tests (compiling rules is the slow part).</summary>
    public EngineWorld With(WorkflowDefinition definition)
    {
        Catalog.Add(Compiled.GetOrAdd(DefinitionJson.Serialize(definition), _ => CompiledDefinition.Compile(definition)));
        return this;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CompiledDefinition> Compiled = new();

    public Task<WorkflowInstance> StartAsync(string definitionId, string subject = Subject) =>
        Engine.StartAsync(definitionId, subject, "tester", CancellationToken.None);

    public Task<EventOutcome> RaiseAsync(Guid instanceId, string name, params (string Key, object? Value)[] data) =>
        Engine.RaiseAsync(instanceId, new WorkflowEvent(name, new EventData(data.ToDictionary(d => d.Key, d => d.Value)), "tester"),
            CancellationToken.None);

    public WorkflowInstance Instance(Guid id) => Store.Instances().Single(i => i.Id == id);

    public IReadOnlyList<WorkTask> Tasks(Guid instanceId, WorkTaskStatus? status = null) =>
        Store.Tasks().Where(t => t.InstanceId == instanceId && (status is null || t.Status == status)).ToList();

    public IReadOnlyList<WorkflowTimer> Timers(Guid instanceId, TimerStatus? status = null) =>
        Store.Timers().Where(t => t.InstanceId == instanceId && (status is null || t.Status == status)).ToList();

    public IReadOnlyList<string> JournalKinds(Guid instanceId) => Store.Journal(instanceId).Select(j => j.Kind).ToList();

    /// <summary>Moves the clock on to the start of a UK day, 08:00.</summary>
    public void GoTo(DateOnly day) => Clock.SetUtcNow(UkTime.StartOf(day).AddHours(8));
}

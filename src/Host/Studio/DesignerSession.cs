using System.Text.RegularExpressions;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Studio;

/// <summary>
/// One SENCo's edit of a definition: the document, its undo and redo history, and the revision it was read at so a
/// save can be told that someone else saved in between. Every change makes a new document (records and new lists),
/// so a history entry is just the document before the change.
/// </summary>
public sealed partial class DesignerSession(WorkflowDefinition document, int version, string status, int expectedRevision)
{
    private readonly Stack<WorkflowDefinition> _undo = new();
    private readonly Stack<WorkflowDefinition> _redo = new();

    public WorkflowDefinition Document { get; private set; } = document;
    /// <summary>The stored version the editor started from.</summary>
    public int Version { get; private set; } = version;
    public string Status { get; private set; } = status;
    /// <summary>The draft's revision when read; 0 when it was published, so a draft someone else made meanwhile is noticed.</summary>
    public int ExpectedRevision { get; private set; } = expectedRevision;
    public bool Dirty { get; private set; }
    public bool CanUndo => _undo.Count > 0;
    public bool CanRedo => _redo.Count > 0;

    public void Apply(Func<WorkflowDefinition, WorkflowDefinition> change)
    {
        var next = change(Document);
        if (ReferenceEquals(next, Document)) return;
        _undo.Push(Document);
        _redo.Clear();
        Document = next;
        Dirty = true;
    }

    public bool Undo() => Step(_undo, _redo);

    public bool Redo() => Step(_redo, _undo);

    public void Saved(int version, int revision)
    {
        Version = version;
        Status = "draft";
        ExpectedRevision = revision;
        Document = Document with { Version = version };
        Dirty = false;
    }

    public void Published()
    {
        Status = "published";
        ExpectedRevision = 0;
    }

    /// <summary>A new state below the others; its id comes from its name.</summary>
    public string AddState(string name, double x, double y)
    {
        var id = UniqueStateId(Slug(name));
        Apply(d => d with
        {
            States = [.. d.States, new StateDefinition { Id = id, Name = name, Layout = new Layout(x, y) }],
        });
        return id;
    }

    /// <summary>Replaces a state; a changed id is carried into the transitions and the initial state.</summary>
    public void ReplaceState(string id, StateDefinition state) => Apply(d => d with
    {
        States = d.States.Select(s => s.Id == id ? state : s).ToList(),
        Transitions = state.Id == id ? d.Transitions : d.Transitions
            .Select(t => t with { From = t.From == id ? state.Id : t.From, To = t.To == id ? state.Id : t.To }).ToList(),
        InitialState = d.InitialState == id ? state.Id : d.InitialState,
    });

    /// <summary>Renames a state; a state that has never been published takes an id from its new name. Returns its id.</summary>
    public string RenameState(string id, string name, bool neverPublished)
    {
        var state = Document.States.First(s => s.Id == id);
        var newId = neverPublished && !string.IsNullOrWhiteSpace(name) ? UniqueStateId(Slug(name), except: id) : id;
        ReplaceState(id, state with { Id = newId, Name = name });
        return newId;
    }

    public void DeleteState(string id) => Apply(d => d with
    {
        States = d.States.Where(s => s.Id != id).ToList(),
        Transitions = d.Transitions.Where(t => t.From != id && t.To != id).ToList(),
    });

    /// <summary>An arrow from one state to another, listening to the first event the definition declares.</summary>
    public string Connect(string from, string to)
    {
        var id = UniqueTransitionId($"{from}-to-{to}");
        var on = Document.Events.Keys.FirstOrDefault() ?? "review.completed";
        Apply(d => d with
        {
            Transitions = [.. d.Transitions, new TransitionDefinition { Id = id, From = from, To = to, On = on, Priority = 1 }],
        });
        return id;
    }

    public void ReplaceTransition(string id, TransitionDefinition transition) => Apply(d => d with
    {
        Transitions = d.Transitions.Select(t => t.Id == id ? transition : t).ToList(),
    });

    public void DeleteTransition(string id) => Apply(d => d with
    {
        Transitions = d.Transitions.Where(t => t.Id != id).ToList(),
    });

    public void Move(IReadOnlyDictionary<string, Layout> positions) => Apply(d => d with
    {
        States = d.States.Select(s => positions.TryGetValue(s.Id, out var p) ? s with { Layout = p } : s).ToList(),
    });

    public void ReplaceDocument(WorkflowDefinition document) => Apply(_ => document);

    public static string Slug(string name)
    {
        var slug = NonIdChars().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 60) slug = slug[..60].Trim('-');
        return slug.Length == 0 ? "new-state" : slug;
    }

    private bool Step(Stack<WorkflowDefinition> from, Stack<WorkflowDefinition> to)
    {
        if (!from.TryPop(out var document)) return false;
        to.Push(Document);
        Document = document;
        Dirty = true;
        return true;
    }

    private string UniqueStateId(string id, string? except = null)
    {
        var candidate = id;
        for (var n = 2; Document.States.Any(s => s.Id == candidate && s.Id != except); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    private string UniqueTransitionId(string id)
    {
        var candidate = id;
        for (var n = 2; Document.Transitions.Any(t => t.Id == candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonIdChars();
}

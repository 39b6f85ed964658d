using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SendWorkflow.Host.Components.Shared;
using SendWorkflow.Host.Studio;
using SendWorkflow.Send.Definitions;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Components.Pages.Designer;

/// <summary>
/// The designer: the document lives here (in a <see cref="DesignerSession"/>); the canvas draws it and the panels
/// change it. Saving goes through <see cref="DefinitionService"/> with the revision the draft was read at.
/// </summary>
public partial class DesignerPage
{
    private DesignerSession? _session;
    private GraphModel _graph = new([], []);
    private ValidationReport? _report;
    private PathwayCanvas? _canvas;
    private IReadOnlyList<RunningVersion> _running = [];
    private HashSet<string> _publishedStates = [];
    private int? _publishedVersion;
    private string? _selKind;
    private string? _selId;
    private int _tab;
    private const int ParametersTab = 1, FindingsTab = 2, EventsTab = 3, ProblemsTab = 4;
    private bool _busy;
    private string? _loadError;
    private string? _message;
    private Severity _messageSeverity;
    private List<string> _messageList = [];
    private bool _conflict;
    private int _validation;

    [Parameter] public string Id { get; set; } = "";
    [Inject] private DefinitionService Definitions { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    /// <summary>The variant this user designs: a SENCo their school's, an LA officer their borough's, an administrator the default.</summary>
    private string _variant = DefinitionScope.Default;
    private string _actor = "studio";
    [Inject] private StudioQueries Queries { get; set; } = default!;

    private StateDefinition? SelectedState => _selKind == "state" ? _session?.Document.States.FirstOrDefault(s => s.Id == _selId) : null;
    private TransitionDefinition? SelectedTransition =>
        _selKind == "transition" ? _session?.Document.Transitions.FirstOrDefault(t => t.Id == _selId) : null;
    private string ProblemsTitle => _report is null ? "Problems" : $"Problems ({_report.Errors.Count + _report.Warnings.Count})";
    private string DownloadMine => _session is null ? "" :
        "data:application/json;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(DefinitionJson.Serialize(_session.Document)));

    private string VersionStatus => _session is null ? "" : _session.Status switch
    {
        "draft" => $"Editing draft version {_session.Version}{(_session.Dirty ? " (unsaved changes)" : "")}. "
            + $"Published version: {(_publishedVersion?.ToString(CultureInfo.InvariantCulture) ?? "none")}.",
        _ => $"Showing published version {_session.Version}. Saving a change makes a new draft{(_session.Dirty ? " (unsaved changes)" : "")}.",
    };

    private string RunningText => _running.Count == 0
        ? "No pupils are on this pathway yet."
        : "Pupils running now: " + string.Join("; ", _running.Select(r => $"version {r.Version}: {r.Pupils} pupil{(r.Pupils == 1 ? "" : "s")}")) +
          (_publishedVersion is { } p ? $". New pupils start on version {p}." : ".");

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            var caller = Caller.Page((await Auth).User, $"/definitions/{Id}/design");
            (_variant, _actor) = (DefinitionScope.OwnOf(caller), caller.Actor);
            var record = await Definitions.GetAsync(Id, "latest", _variant, CancellationToken.None);
            var document = DefinitionJson.Parse(record.Json);
            _session = new DesignerSession(document, record.Version, record.Status, record.Status == "draft" ? record.Revision : 0);
            await LoadPublishedAsync();
            Refresh();
        }
        catch (DefinitionNotFoundException)
        {
            _loadError = $"There is no pathway '{Id}'.";
        }
    }

    private async Task LoadPublishedAsync()
    {
        _publishedVersion = (await Definitions.ListAsync(_variant, CancellationToken.None)).FirstOrDefault(d => d.Id == Id)?.RunsVersion;
        _publishedStates = [];
        if (_publishedVersion is { } v)
        {
            var published = DefinitionJson.Parse((await Definitions.GetAsync(Id, v.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _variant, CancellationToken.None)).Json);
            _publishedStates = published.States.Select(s => s.Id).ToHashSet();
        }
        _running = await Queries.RunningVersionsAsync(Id, CancellationToken.None);
    }

    private void Refresh()
    {
        if (_session is null) return;
        _graph = GraphBuilder.Build(_session.Document);
        _ = ValidateAsync(_session.Document);
    }

    /// <summary>Validation compiles every rule, so it runs off the click and lands when done; a newer change wins.</summary>
    private async Task ValidateAsync(WorkflowDefinition document)
    {
        var ticket = Interlocked.Increment(ref _validation);
        var report = await Task.Run(() => DefinitionValidator.Validate(document));
        if (ticket != _validation) return;
        _report = report;
        await InvokeAsync(StateHasChanged);
    }

    private async Task SelectAsync(string? kind, string? id, bool tellCanvas)
    {
        _selKind = kind;
        _selId = id;
        if (kind is not null) _tab = 0;
        if (tellCanvas && _canvas is not null) await _canvas.SelectAsync(kind, id);
    }

    private Task OnSelectedAsync((string? Kind, string? Id) s) => SelectAsync(s.Kind, s.Id, tellCanvas: false);

    private Task OnMovedAsync((string Id, double X, double Y) m)
    {
        _session!.Move(new Dictionary<string, Layout> { [m.Id] = new Layout(m.X, m.Y) });
        Refresh();
        return Task.CompletedTask;
    }

    private Task OnConnectedAsync((string From, string To) c) => ConnectAsync(c.From, c.To);

    private async Task ConnectAsync(string from, string to)
    {
        var id = _session!.Connect(from, to);
        Refresh();
        StateHasChanged();
        await SelectAsync("transition", id, tellCanvas: true);
    }

    private async Task AddStateAsync()
    {
        var at = _canvas is null ? new Layout(40, 40) : await _canvas.CentreAsync();
        var id = _session!.AddState("New state", at.X, at.Y);
        Refresh();
        StateHasChanged();
        await SelectAsync("state", id, tellCanvas: true);
    }

    private Task ChangeStateAsync(string id, StateDefinition state)
    {
        _session!.ReplaceState(id, state);
        Refresh();
        return Task.CompletedTask;
    }

    private async Task RenameAsync(string id, string name)
    {
        var newId = _session!.RenameState(id, name, neverPublished: !_publishedStates.Contains(id));
        Refresh();
        StateHasChanged();
        if (newId != id) await SelectAsync("state", newId, tellCanvas: true);
    }

    private Task SetInitialAsync(string id, bool initial)
    {
        if (initial) _session!.Apply(d => d with { InitialState = id });
        Refresh();
        return Task.CompletedTask;
    }

    private Task ChangeTransitionAsync(string id, TransitionDefinition transition)
    {
        _session!.ReplaceTransition(id, transition);
        Refresh();
        return Task.CompletedTask;
    }

    private Task ChangeDocumentAsync(WorkflowDefinition document)
    {
        _session!.ReplaceDocument(document);
        Refresh();
        return Task.CompletedTask;
    }

    private async Task DeleteSelectedAsync()
    {
        if (SelectedState is { } s) _session!.DeleteState(s.Id);
        else if (SelectedTransition is { } t) _session!.DeleteTransition(t.Id);
        else return;
        Refresh();
        await SelectAsync(null, null, tellCanvas: true);
    }

    private Task UndoAsync()
    {
        if (_session!.Undo()) Refresh();
        return Task.CompletedTask;
    }

    private Task RedoAsync()
    {
        if (_session!.Redo()) Refresh();
        return Task.CompletedTask;
    }

    private async Task AutoLayoutAsync()
    {
        if (_canvas is null) return;
        var positions = await _canvas.LayoutAsync();
        _session!.Move(positions);
        Refresh();
    }

    private async Task SelectProblemAsync(DefinitionProblem p)
    {
        if (p.TargetKind is "state" or "transition" && p.TargetId is { } id &&
            (_session!.Document.States.Any(s => s.Id == id) || _session.Document.Transitions.Any(t => t.Id == id)))
        {
            await SelectAsync(p.TargetKind, id, tellCanvas: true);
        }
        else if (p.TargetKind == "parameter")
        {
            _tab = ParametersTab;
        }
        else if (p.TargetKind == "finding")
        {
            _tab = FindingsTab;
        }
        else if (p.TargetKind == "event")
        {
            _tab = EventsTab;
        }
    }
}

using MudBlazor;
using SendWorkflow.Send.Definitions;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Components.Pages.Designer;

/// <summary>Save, publish and the answer to "someone else saved this draft first".</summary>
public partial class DesignerPage
{
    private async Task<bool> SaveCoreAsync(int? expectedRevision)
    {
        var session = _session!;
        try
        {
            var save = new DraftSave(expectedRevision, _actor, _variant);
            var result = await Definitions.SaveDraftAsync(Id, session.Document, save, CancellationToken.None);
            session.Saved(result.Version, result.Revision);
            _conflict = false;
            Show(Severity.Success, $"Saved as draft version {result.Version}." +
                (result.Errors.Count > 0 ? $" It has {result.Errors.Count} problem(s) to fix before it can be published." : ""));
            await LoadPublishedAsync();
            return true;
        }
        catch (DraftChangedException)
        {
            _conflict = true;
            Show(Severity.Warning, "Someone else saved this draft after you opened it, so your changes were not saved. " +
                "Nothing is lost: your changes are still here. Save yours over theirs, load theirs instead, or download yours first.");
            return false;
        }
        catch (DefinitionValidationException ex)
        {
            Show(Severity.Error, "The draft was not saved: a rule does not make sense.", ex.Errors.Select(e => e.Message).ToList());
            return false;
        }
        catch (BadRequestException ex)
        {
            Show(Severity.Error, "The draft was not saved.", [ex.Message]);
            return false;
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try { await SaveCoreAsync(_session!.ExpectedRevision); }
        finally { _busy = false; }
    }

    private async Task OverwriteAsync()
    {
        var latest = await Definitions.GetAsync(Id, "latest", _variant, CancellationToken.None);
        _busy = true;
        try { await SaveCoreAsync(latest.Status == "draft" ? latest.Revision : 0); }
        finally { _busy = false; }
    }

    private async Task ReloadAsync()
    {
        _conflict = false;
        _message = null;
        await SelectAsync(null, null, tellCanvas: true);
        await LoadAsync();
    }

    private async Task PublishAsync()
    {
        _busy = true;
        try
        {
            if ((_session!.Dirty || _session.Status != "draft") && !await SaveCoreAsync(_session.ExpectedRevision)) return;
            var version = await Definitions.PublishAsync(Id, _variant, CancellationToken.None);
            _session.Published();
            await LoadPublishedAsync();
            Show(Severity.Success, $"Published version {version}. New pupils start on version {version}; "
                + "pupils already on the pathway stay on the version they started on.");
        }
        catch (DefinitionValidationException ex)
        {
            Show(Severity.Error, "Not published: fix these problems first (nothing was published).", ex.Errors.Select(e => e.Message).ToList());
            _tab = ProblemsTab;
        }
        catch (ConflictException ex)
        {
            Show(Severity.Error, ex.Message);
        }
        finally { _busy = false; }
    }

    private void Show(Severity severity, string message, List<string>? list = null)
    {
        _messageSeverity = severity;
        _message = message;
        _messageList = list ?? [];
    }
}

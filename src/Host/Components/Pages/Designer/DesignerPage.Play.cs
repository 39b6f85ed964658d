namespace SendWorkflow.Host.Components.Pages.Designer;

/// <summary>"Try it": the Play panel beside the property panel, and the test pupil's path lit up on the canvas.</summary>
public partial class DesignerPage
{
    private bool _playing;

    private async Task TogglePlayAsync()
    {
        _playing = !_playing;
        if (!_playing && _canvas is not null) await _canvas.ShowPlayAsync(null, null, null);
    }

    private async Task OnPlayPathAsync((string? Current, IReadOnlyList<string>? Visited, IReadOnlyList<string>? Path) path)
    {
        if (_canvas is not null) await _canvas.ShowPlayAsync(path.Current, path.Visited, path.Path);
    }
}

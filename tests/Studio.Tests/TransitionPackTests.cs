using UglyToad.PdfPig;

namespace SendWorkflow.Studio.Tests;

/// <summary>The SENCo downloads a pupil's July transition pack from the pupil's record.</summary>
public sealed class TransitionPackTests(StudioFixture studio)
{
    [Fact]
    public async Task TheSenco_DownloadsAPupilsTransitionPack_FromTheRecord()
    {
        var (pupilId, _) = await studio.StartPupilAsync("Perpetua Quillfeather", className: "5 Beech");

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, $"/pupils/{pupilId}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("transition-pack").ClickAsync());

        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync()));
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Transition pack: Perpetua Quillfeather", text);
        Assert.Contains("Individual provision map", text);
        Assert.Contains("Stage 1: Cause of concern", text);
    }
}

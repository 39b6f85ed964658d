using System.Diagnostics;

namespace SendWorkflow.Studio.Tests;

/// <summary>Measures, never asserts, how the designer copes with a large pathway; the figures go in the README.</summary>
public sealed class PerformanceTests(StudioFixture studio, ITestOutputHelper output)
{
    /// <summary>The browser's own clock: when the page's HTML arrived, when its scripts had run, when the canvas was drawn.</summary>
    private static async Task<string> BreakdownAsync(Microsoft.Playwright.IPage page) =>
        await page.EvaluateAsync<string>(@"() => {
            const n = performance.getEntriesByType('navigation')[0];
            const ready = document.querySelector('[data-testid=canvas]').dataset.readyAt;
            const at = part => Math.round(performance.getEntriesByType('resource').find(r => r.name.includes(part))?.responseEnd ?? -1);
            return `page served in ${Math.round(n.responseEnd)} ms, scripts run by ${Math.round(n.domContentLoadedEventEnd)} ms, ` +
                `circuit negotiated at ${at('negotiate')} ms, canvas drawn at ${ready} ms`;
        }");

    [Fact]
    public async Task Designer_With50States_OpensLaysOutAndDrags()
    {
        await Definitions.ImportAsync(studio.Http, Definitions.Chain("fifty-states", 50), publish: true);
        var page = await studio.NewPageAsync();
        // A first visit warms the browser's cache of the scripts, as a SENCo's second visit would be.
        await StudioFixture.OpenAsync(page, "/definitions/send-pathway/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        await StudioFixture.OpenAsync(page, "/");

        var opening = Stopwatch.StartNew();
        await StudioFixture.OpenAsync(page, "/definitions/send-pathway/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        Report.Figure(output,
            $"Open the 7-state pathway until the canvas is interactive: {opening.ElapsedMilliseconds} ms ({await BreakdownAsync(page)})");

        opening.Restart();
        await StudioFixture.OpenAsync(page, "/definitions/fifty-states/design");
        await Expect(page.Locator("[data-testid=canvas][data-ready=true][data-nodes='50']")).ToBeVisibleAsync();
        Report.Figure(output,
            $"Open a 50-state, 97-arrow pathway until the canvas is interactive: {opening.ElapsedMilliseconds} ms ({await BreakdownAsync(page)})");

        var layoutMs = await page.EvaluateAsync<double>(
            "() => { const t = performance.now(); window.pathwayCanvas.layout(); return performance.now() - t; }");
        Report.Figure(output, $"Auto-layout of 50 states in the browser (dagre and redraw): {layoutMs:F0} ms");

        var roundTrip = Stopwatch.StartNew();
        await page.GetByLabel("Auto-layout").ClickAsync();
        await Expect(page.GetByLabel("Undo")).ToBeEnabledAsync();
        Report.Figure(output, $"Auto-layout button to the saved positions on the server and back: {roundTrip.ElapsedMilliseconds} ms");

        await page.GetByLabel("Fit to screen").ClickAsync();
        const string countFrames = "() => { window.__frames = 0; "
            + "const tick = () => { window.__frames++; if (!window.__stop) requestAnimationFrame(tick); }; requestAnimationFrame(tick); }";
        await page.EvaluateAsync(countFrames);
        var drag = Stopwatch.StartNew();
        await Canvas.DragAsync(page, "step-25", 160, 90);
        var dragMs = drag.ElapsedMilliseconds;
        var frames = await page.EvaluateAsync<int>("() => { window.__stop = true; return window.__frames; }");
        Report.Figure(output, $"Drag one state of 50 over 10 mouse moves: {dragMs} ms, "
            + $"{frames} frames painted ({frames * 1000.0 / Math.Max(dragMs, 1):F0} frames per second)");

        await page.Keyboard.PressAsync("Control+z");
        var redraw = await page.EvaluateAsync<double>(
            "() => { const c = window.pathwayCanvas; const t = performance.now(); c.sync(c.model); return performance.now() - t; }");
        Report.Figure(output, $"Redraw of the 50-state pathway after a change: {redraw:F0} ms");
        await Expect(Canvas.State(page, "step-50")).ToBeVisibleAsync();
    }
}

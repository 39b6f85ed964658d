using System.Net.Http.Json;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// Every shipped definition opens in the designer readable at first sight: no arrow's label lies over another label or
/// over a state, measured on the boxes the browser drew.
/// </summary>
public sealed class CanvasReadabilityTests(StudioFixture studio)
{
    public static TheoryData<string> Shipped()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "definitions", "workflows"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    /// <summary>Every edge label's box and every state's body box, in page pixels, as the browser drew them.</summary>
    private const string Boxes = @"() => {
        const canvas = document.querySelector('[data-testid=canvas]');
        const box = el => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
        const labels = [];
        for (const edge of canvas.querySelectorAll('g.x6-edge[data-cell-id]')) {
            for (const label of edge.querySelectorAll('.x6-edge-label')) {
                const text = [...label.querySelectorAll('tspan')].map(t => t.textContent).join(' ') || label.textContent || '';
                labels.push({ id: edge.dataset.cellId, text, ...box(label) });
            }
        }
        const states = [];
        for (const node of canvas.querySelectorAll('g.x6-node[data-cell-id]')) {
            const body = node.querySelector(':scope > rect') || node;
            states.push({ id: node.dataset.cellId, text: '', ...box(body) });
        }
        return JSON.stringify({ labels, states });
    }";

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task ShippedDefinition_OpensWithNoLabelOverAnotherLabelOrAState(string definition)
    {
        var listed = await studio.Http.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/api/definitions");
        Assert.Contains(listed!, d => (string?)d["id"] == definition);

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, $"/definitions/{definition}/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        await AssertReadableAsync(page, definition);
    }

    [Fact]
    public async Task NewDefinition_AutoLaidOut_HasNoLabelOverAnotherLabelOrAState()
    {
        // Eight states, each escalating to the next and stepping back, none with a place yet: the designer's auto-layout
        // has to make room for two labels between every pair.
        var chain = Definitions.Chain("auto-laid-out", 8);
        await Definitions.ImportAsync(studio.Http, chain with { States = [.. chain.States.Select(s => s with { Layout = null })] }, publish: true);
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/definitions/auto-laid-out/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        await page.GetByLabel("Auto-layout").ClickAsync();
        await Expect(page.GetByLabel("Undo")).ToBeEnabledAsync();
        await AssertReadableAsync(page, "auto-laid-out");
    }

    /// <summary>Reads the boxes the browser drew and fails naming every label that lies over another or over a state.</summary>
    private static async Task AssertReadableAsync(IPage page, string definition)
    {
        // X6 draws the arrows' labels a frame or two after the states.
        await page.WaitForFunctionAsync(@"() => { const c = document.querySelector('[data-testid=canvas]');
            return c.querySelectorAll('g.x6-edge .x6-edge-label').length >= Number(c.dataset.edges); }");
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        await page.Locator("[data-testid=canvas]").ScreenshotAsync(new() { Path = RepoPaths.Screenshot($"canvas-{definition}.png") });
        var drawn = System.Text.Json.JsonSerializer.Deserialize<Drawn>(await page.EvaluateAsync<string>(Boxes), Json)!;

        Assert.NotEmpty(drawn.States);
        var edges = await Canvas.Ready(page).GetAttributeAsync("data-edges") ?? "0";
        Assert.Equal(int.Parse(edges, System.Globalization.CultureInfo.InvariantCulture), drawn.Labels.Count);

        var problems = new List<string>();
        for (var i = 0; i < drawn.Labels.Count; i++)
        {
            for (var j = i + 1; j < drawn.Labels.Count; j++)
            {
                if (Overlap(drawn.Labels[i], drawn.Labels[j]))
                {
                    problems.Add($"label of {Name(drawn.Labels[i])} overlaps label of {Name(drawn.Labels[j])}");
                }
            }
            foreach (var state in drawn.States.Where(s => Overlap(drawn.Labels[i], s)))
            {
                problems.Add($"label of {Name(drawn.Labels[i])} overlaps state '{state.Id}'");
            }
        }
        Assert.True(problems.Count == 0, $"{definition}: {problems.Count} overlaps as drawn:\n" + string.Join("\n", problems));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static string Name(Box b) => $"'{b.Id}' (\"{b.Text}\")";

    /// <summary>Boxes that share more than a pixel's sliver each way; touching edges are not an overlap.</summary>
    private static bool Overlap(Box a, Box b) =>
        Math.Min(a.X + a.W, b.X + b.W) - Math.Max(a.X, b.X) > 1 && Math.Min(a.Y + a.H, b.Y + b.H) - Math.Max(a.Y, b.Y) > 1;

    public sealed record Box(string Id, string Text, double X, double Y, double W, double H);

    public sealed record Drawn(List<Box> Labels, List<Box> States);
}

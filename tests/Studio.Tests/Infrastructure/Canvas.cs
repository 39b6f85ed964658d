namespace SendWorkflow.Studio.Tests.Infrastructure;

/// <summary>What a SENCo does with the mouse on the X6 canvas.</summary>
public static class Canvas
{
    public static ILocator Ready(IPage page) => page.Locator("[data-testid=canvas][data-ready=true]");

    public static ILocator State(IPage page, string id) => page.Locator($"[data-testid=canvas] [data-cell-id='{id}']");

    /// <summary>Drags from the right-hand dot of one state onto another, as a SENCo draws an arrow.</summary>
    public static async Task ConnectAsync(IPage page, string from, string to)
    {
        var source = State(page, from);
        await source.HoverAsync();
        var port = source.Locator("[port='right']").First;
        await Expect(port).ToBeVisibleAsync();
        var p = (await port.BoundingBoxAsync())!;
        var target = (await State(page, to).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(p.X + p.Width / 2, p.Y + p.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + target.Height / 2, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Drags a state by its body to a new place.</summary>
    public static async Task DragAsync(IPage page, string id, float dx, float dy)
    {
        var box = (await State(page, id).BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height * 0.45f);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + dx, y + dy, new() { Steps = 10 });
        await page.Mouse.UpAsync();
    }
}

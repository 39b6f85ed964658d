using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// A SENCo changes what used to need the JSON by hand, all with the mouse: a fixed date, a time counted from the start, an
/// event's data field, a task's form and condition, and a finding; the problems panel says in plain words what is wrong;
/// saved and published, the definition holds every change.
/// </summary>
public sealed class DesignerEditorsTests(StudioFixture studio)
{
    private const string Id = "editors-walk";

    [Fact]
    public async Task Senco_EditsTimesEventsTasksAndFindings_InTheDesigner_AndThePublishedDefinitionHoldsThem()
    {
        await Definitions.ImportAsync(studio.Http, Definitions.Chain(Id, 3), publish: true);
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, $"/definitions/{Id}/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        await page.EvaluateAsync("([kind, id]) => window.pathwayCanvas.clicked(kind, id)", FirstState);
        var state = page.GetByTestId("state-panel");
        await Expect(state).ToBeVisibleAsync();

        // The stage's timeframe: by 15 February.
        await Choose(page, state.GetByLabel("Timeframe: how it is set"), "By a fixed date (e.g. by 15 February)");
        await Choose(page, state.GetByLabel("Timeframe: month"), "February");
        await state.GetByLabel("Timeframe: day of the month").FillAsync("15");
        await state.GetByLabel("Timeframe: day of the month").PressAsync("Tab");
        await Expect(state.GetByRole(AriaRole.Group, new() { Name = "Timeframe", Exact = true }).GetByTestId("when-words"))
            .ToHaveTextAsync("by 15 February");

        // The review task: due 6 school weeks from the start, on the meeting form, handed out only in stage 1.
        var task = state.Locator("[data-task='review']");
        await Choose(page, task.GetByLabel("Due: counted from"), "the day the pathway started (e.g. the request was received)");
        await Expect(task.GetByRole(AriaRole.Group, new() { Name = "Due", Exact = true }).GetByTestId("when-words"))
            .ToHaveTextAsync("6 school weeks from the start");
        await Choose(page, task.GetByTestId("task-form"), "meeting");
        await Expect(task.GetByTestId("form-fields")).ToContainTextAsync("Who attended (must be filled in)");
        var condition = task.Locator("textarea[data-testid=rule-expression], [data-testid=rule-expression] textarea");
        await condition.FillAsync("facts.Stag == 1");
        await Expect(task.GetByTestId("rule-error")).ToContainTextAsync("Stage");
        await condition.FillAsync("facts.Stage == 1");
        await Expect(task.GetByTestId("rule-ok")).ToBeVisibleAsync();

        // The review's event: a new date field, required.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Events" }).ClickAsync();
        var events = page.GetByTestId("events-panel");
        var review = events.Locator("[data-event='review.completed']");
        await review.GetByLabel("New field name (e.g. decidedOn)").FillAsync("held on");
        await review.GetByRole(AriaRole.Button, new() { Name = "Add field to event review.completed" }).ClickAsync();
        await Expect(review.GetByTestId("field-error")).ToContainTextAsync("letters and digits");
        await review.GetByLabel("New field name (e.g. decidedOn)").FillAsync("heldOn");
        await review.GetByRole(AriaRole.Button, new() { Name = "Add field to event review.completed" }).ClickAsync();
        var field = review.Locator("[data-field='heldOn']");
        await Choose(page, field.GetByLabel("Type", new() { Exact = true }), "a date");
        await field.GetByLabel("Must be filled in").CheckAsync();
        await field.GetByLabel("Not in the future").CheckAsync();

        // A mistake the problems panel names in plain words, and clicking it comes back here.
        await Choose(page, review.Locator("[data-field='progress']").GetByLabel("Type", new() { Exact = true }), "a number");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Problems" }).ClickAsync();
        var problem = page.GetByTestId("problem").Filter(new() { HasText = "measures its outcome in 'progress', which is not a text field" });
        await problem.ClickAsync();
        await Expect(events).ToBeVisibleAsync();
        await Choose(page, review.Locator("[data-field='progress']").GetByLabel("Type", new() { Exact = true }), "text");

        // A finding.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Findings" }).ClickAsync();
        var findings = page.GetByTestId("findings-panel");
        await findings.GetByLabel("New finding id (e.g. persistent-concern)").FillAsync("first-stage");
        await findings.GetByLabel("New finding label (e.g. Persistent concern)").FillAsync("In the first stage");
        await findings.GetByTestId("add-finding").ClickAsync();
        var finding = findings.Locator("[data-finding='first-stage']");
        await finding.Locator("textarea[data-testid=rule-expression], [data-testid=rule-expression] textarea").FillAsync("facts.Stage == 1");
        await Expect(finding.GetByTestId("rule-ok")).ToBeVisibleAsync();
        await finding.GetByLabel("first-stage: what it means and what to do").FillAsync("Still at the first step: check the plan.");
        await finding.GetByLabel("first-stage: what it means and what to do").PressAsync("Tab");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Events" }).ClickAsync();
        await field.ScrollIntoViewIfNeededAsync();
        // The tab's labels float into place; the picture waits for them.
        await page.WaitForTimeoutAsync(600);
        await page.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("designer-events.png") });
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("Published version");

        var saved = (await studio.Http.GetFromJsonAsync<JsonObject>($"/api/definitions/{Id}?version=latest&scope=school:oakfield"))!;
        var first = saved["states"]!.AsArray().Single(s => (string?)s!["id"] == "step-1")!;
        Assert.Equal("""{"date":"02-15"}""", first["timeframe"]!.ToJsonString());
        var savedTask = first["tasks"]![0]!;
        Assert.Equal("""{"schoolWeeks":6,"from":"start"}""", savedTask["due"]!.ToJsonString());
        Assert.Equal("meeting", (string?)savedTask["form"]);
        Assert.Equal("facts.Stage == 1", (string?)savedTask["if"]);
        var heldOn = saved["events"]!["review.completed"]!["data"]!["heldOn"]!;
        Assert.Equal("""{"type":"date","required":true,"notAfter":"today"}""", heldOn.ToJsonString());
        Assert.Equal("text", (string?)saved["events"]!["review.completed"]!["data"]!["progress"]!["type"]);
        var savedFinding = saved["findings"]!["first-stage"]!;
        Assert.Equal("facts.Stage == 1", (string?)savedFinding["expression"]);
        Assert.Equal("Still at the first step: check the plan.", (string?)savedFinding["description"]);
        // Everything not touched is as it was: the other states' timeframes, the arrows.
        Assert.Equal("""{"param":"reviewWeeks"}""", saved["states"]![1]!["timeframe"]!.ToJsonString());
        Assert.Equal(3, saved["transitions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Senco_RenamesAnEvent_AndAddsATimerThatChasesATaskByTheEndOfTerm_AndThePublishedDefinitionHoldsThem()
    {
        const string id = "editors-timers";
        await Definitions.ImportAsync(studio.Http, Definitions.Chain(id, 3), publish: true);
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, $"/definitions/{id}/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();

        // Rename the review's event, and add one for the chase.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Events" }).ClickAsync();
        var events = page.GetByTestId("events-panel");
        var review = events.GetByRole(AriaRole.Group, new() { Name = "Event review.completed", Exact = true });
        await Expect(review).ToContainTextAsync("Named by the arrow from Step 1 of the pathway to Step 2 of the pathway");
        await Expect(review.GetByRole(AriaRole.Button, new() { Name = "Remove event review.completed" })).ToBeDisabledAsync();
        await review.GetByLabel("Event name (e.g. review.completed)").FillAsync("Review done");
        await review.GetByLabel("Event name (e.g. review.completed)").PressAsync("Tab");
        await Expect(review.GetByTestId("event-error")).ToContainTextAsync("lower-case letters, digits, dots and dashes");
        await review.GetByLabel("Event name (e.g. review.completed)").FillAsync("review.recorded");
        await review.GetByLabel("Event name (e.g. review.completed)").PressAsync("Tab");
        await Expect(events.Locator("[data-event='review.recorded']")).ToBeVisibleAsync();
        var added = events.GetByTestId("new-event");
        await added.GetByLabel("New event name (e.g. plan.issued)").FillAsync("chase.due");
        await added.GetByLabel("New event in words").FillAsync("a chase falls due");
        await added.GetByTestId("add-event").ClickAsync();
        await Expect(events.Locator("[data-event='chase.due']")).ToContainTextAsync("When a chase falls due");

        // A timer of the first state: by the end of the spring term, it records the chase and hands out a task while the review is open.
        await page.EvaluateAsync("([kind, id]) => window.pathwayCanvas.clicked(kind, id)", FirstState);
        var state = page.GetByTestId("state-panel");
        await state.GetByRole(AriaRole.Button, new() { Name = "Add a timer" }).ClickAsync();
        await Choose(page, state.GetByLabel("Timer timer-1: time: how it is set"), "By the end of a term");
        await Choose(page, state.GetByLabel("Timer timer-1: time: term"), "the last school day of the spring term");
        await Choose(page, state.GetByLabel("Timer timer-1: then"), "a chase falls due");
        await state.GetByLabel("Timer timer-1: also hands out a task").CheckAsync();
        await Choose(page, state.GetByLabel("Timer timer-1: hand out its task"), "only while the task \"Review step 1\" is still open (a chase)");
        var chase = state.GetByRole(AriaRole.Group, new() { Name = "Task of timer timer-1" });
        await Expect(chase.GetByTestId("task-on")).ToHaveCountAsync(0);
        await chase.GetByLabel("Task title").FillAsync("Chase the review");
        await chase.GetByLabel("Task title").PressAsync("Tab");

        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("Published version");

        var saved = (await studio.Http.GetFromJsonAsync<JsonObject>($"/api/definitions/{id}?version=latest&scope=school:oakfield"))!;
        Assert.Equal(["review.recorded", "chase.due"], saved["events"]!.AsObject().Select(e => e.Key));
        Assert.All(saved["transitions"]!.AsArray(), t => Assert.Equal("review.recorded", (string?)t!["on"]));
        var timer = saved["states"]![0]!["timers"]![0]!;
        Assert.Equal("""{"endOfTerm":"spring"}""", timer["after"]!.ToJsonString());
        Assert.Equal("chase.due", (string?)timer["raises"]);
        Assert.Equal("review", (string?)timer["whileOpen"]);
        Assert.Equal("Chase the review", (string?)timer["task"]!["title"]);
    }

    private static async Task Choose(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true })).ToHaveCountAsync(0);
    }

    private static readonly string[] FirstState = ["state", "step-1"];
}

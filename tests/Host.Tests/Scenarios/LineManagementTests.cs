namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The SENCo's line-management meetings with the teaching assistants (seed 004: at least every other week), through the
/// API on a real host and SQLite file: the school's programme raises the meeting every two school weeks, its form asks after
/// each of the school's teaching assistants, and the SENCo's view shows who has not been met for more than two school weeks.
/// </summary>
public sealed class LineManagementTests
{
    private const string Meeting = "Line-management meetings with the teaching assistants (every other week)";

    private static async Task<JsonObject?> OpenMeetingAsync(HttpClient http, string programme)
    {
        var open = (await http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={programme}&status=open"))!;
        return open.SingleOrDefault(t => (string?)t!["title"] == Meeting)?.AsObject();
    }

    /// <summary>Moves the clock on a week at a time until the next meeting is open (at most five weeks).</summary>
    private static async Task<JsonObject> NextMeetingAsync(Pathway p, string programme)
    {
        for (var week = 0; week < 5; week++)
        {
            if (await OpenMeetingAsync(p.Http, programme) is { } task) return task;
            await p.AdvanceDaysAsync(7);
        }
        throw new Xunit.Sdk.XunitException("No line-management meeting came round within five weeks.");
    }

    private static async Task<JsonArray> AssistantsAsync(HttpClient senco) =>
        (await senco.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/line-management"))!["assistants"]!.AsArray();

    [Fact]
    public async Task EveryOtherWeek_TheSencoMeetsEachAssistant_AndSeesWhoIsDue()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var senco = await p.StaffAsync("lm-senco", "senco", "Sam Senco");
        await p.StaffAsync("ada", "teaching-assistant", "Ada Quill", classes: "3 Oak");
        await p.StaffAsync("grace", "teaching-assistant", "Grace Moss", classes: "4 Ash");
        var started = await senco.PostAsJsonAsync("/api/schools/oakfield/programmes",
            new { definitionId = "senco-monitoring", academicYear = "2026-27" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var programme = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!;

        var first = await NextMeetingAsync(p, programme);
        senco = await p.SignInAsync("lm-senco");
        Assert.Equal(("senco", "2026-09-28"), ((string?)first["role"], (string?)first["dueOn"]));
        var fields = (await senco.GetFromJsonAsync<JsonArray>($"/api/tasks/{first["id"]}/form"))!.Select(f => f!.AsObject()).ToList();
        var met = fields.Where(f => ((string)f["name"]!).StartsWith("met.", StringComparison.Ordinal))
            .ToDictionary(f => (string)f["label"]!, f => (string)f["name"]!);
        Assert.Equal(["Met Ada Quill?", "Met Grace Moss?"], met.Keys);
        Assert.All(fields.Where(f => met.ContainsValue((string)f["name"]!)), f => Assert.True((bool)f["required"]!));

        // Every assistant must be answered for, with one of the two answers; nothing is recorded until they are.
        var refused = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"/api/tasks/{first["id"]}/complete", new
        {
            form = new Dictionary<string, string> { [met["Met Ada Quill?"]] = "maybe", ["notes"] = "Reading group." },
        }), HttpStatusCode.BadRequest);
        Assert.Equal(
            new[] { $"form.{met["Met Ada Quill?"]}", $"form.{met["Met Grace Moss?"]}" }.Order(StringComparer.Ordinal),
            refused["errors"]!.AsArray().Select(e => (string)e!["field"]!).Order(StringComparer.Ordinal));
        Assert.Equal("open", (string?)(await OpenMeetingAsync(senco, programme))!["status"]);

        (await senco.PostAsJsonAsync($"/api/tasks/{first["id"]}/complete", new
        {
            form = new Dictionary<string, string>
            {
                [met["Met Ada Quill?"]] = "met", [met["Met Grace Moss?"]] = "not this time", ["notes"] = "Ada's phonics group: good impact.",
                ["followUpActions"] = "Book a catch-up with Grace",
            },
        })).EnsureSuccessStatusCode();

        var today = (string)(await p.Http.GetFromJsonAsync<JsonObject>("/api/clock"))!["today"]!;
        var view = await AssistantsAsync(senco);
        Assert.Equal([("Grace Moss", null, 0, true), ("Ada Quill", today, 1, false)],
            view.Select(a => ((string)a!["name"]!, (string?)a["lastMet"], (int)a["meetingsThisYear"]!, (bool)a["due"]!)));

        // The follow-up goes into the action plan; the next meeting comes round two school weeks on.
        var plan = (await senco.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan?year=2026-27"))!["items"]!.AsArray();
        Assert.Contains(plan, i => (string?)i!["action"] == "Book a catch-up with Grace");
        await p.AdvanceDaysAsync(7);
        var second = await NextMeetingAsync(p, programme);
        Assert.Equal("2026-10-12", (string?)second["dueOn"]);

        // Three school weeks without a meeting: Ada is due again.
        await p.AdvanceToAsync("2026-10-19");
        Assert.All(await AssistantsAsync(await p.SignInAsync("lm-senco")), a => Assert.True((bool)a!["due"]!));
    }

    [Fact]
    public async Task AClassTeacher_MayNotSeeTheLineManagementView()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var teacher = await p.StaffAsync("lm-teacher", "class-teacher", "Tess Teacher", classes: "3 Oak");
        await Pathway.ProblemAsync(await teacher.GetAsync("/api/schools/oakfield/line-management"), HttpStatusCode.Forbidden);
    }
}

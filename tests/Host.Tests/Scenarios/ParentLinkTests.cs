using SendWorkflow.Host.Tests.Security;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The parents' voice by a link, through the API and the page a parent opens, on a real host and SQLite file: the SENCo
/// makes a link for a stage-4 pupil's parent-voice task, the parent (no account) sees the child's first name only and
/// answers once, the answer is on the record "from the parent", journaled, audited and the task done; a used, expired,
/// revoked or forged link gets the same page and records nothing; the page is rate limited.
/// </summary>
public sealed class ParentLinkTests
{
    private const string Surname = "Quiddington-Fairweather";
    private const string Views = "Ava is happier this term; she still finds spellings hard at home.";
    private const string Refused = "This link can no longer be used; please contact the school.";

    /// <summary>A stage-4 pupil (SEN support with outside agencies) named Ava with a surname found nowhere else; their id and pathway.</summary>
    private static async Task<(string Pupil, string Instance)> Stage4PupilAsync(Pathway p)
    {
        var instance = await p.PupilAtAsync("sen-support-agencies");
        var pupil = (string)(await p.InstanceAsync(instance))["pupilId"]!;
        (await p.Http.PutAsJsonAsync($"/api/pupils/{pupil}", new { name = $"Ava {Surname}" })).EnsureSuccessStatusCode();
        return (pupil, instance);
    }

    private static async Task<string> ParentVoiceTaskAsync(HttpClient http, string pupil)
    {
        var open = (await http.GetFromJsonAsync<JsonArray>($"/api/tasks?pupilId={pupil}&status=open"))!;
        return (string)open.Single(t => (string?)t!["title"] == "Record the parent voice")!["id"]!;
    }

    /// <summary>Makes a link; returns its id and the path of the address it gave (the page's).</summary>
    private static async Task<(string Id, string Path, JsonObject Body)> LinkAsync(HttpClient staff, string pupil, string? task = null)
    {
        var created = await staff.PostAsJsonAsync($"/api/pupils/{pupil}/parent-links", new { form = "parent-voice", taskId = task });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode} {text}");
        var body = JsonNode.Parse(text)!.AsObject();
        return ((string)body["id"]!, new Uri((string)body["url"]!).AbsolutePath, body);
    }

    /// <summary>What a parent's browser does: open the page, fill in the boxes, send it with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient parent, string path, Dictionary<string, string> boxes)
    {
        var page = await parent.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = StudioCookie.TokenIn(await page.Content.ReadAsStringAsync());
        var fields = new Dictionary<string, string>(boxes) { ["__RequestVerificationToken"] = token };
        return await parent.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Answer(string views = Views) => new()
    {
        ["parentViews"] = views, ["targetComments"] = "The reading target is working.", ["canMeet"] = "Tuesdays after 3pm",
    };

    private static async Task<List<JsonObject>> FromTheParentAsync(Pathway p, string instance) =>
        (await p.JournalAsync(instance)).Select(j => j!.AsObject()).Where(j => (string?)j["actor"] == "from the parent").ToList();

    private static async Task AssertRefusedAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains(Refused, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheParentAnswersOnce_TheAnswerIsOnTheRecordFromTheParent_AndTheTaskIsDone_ThenTheLinkIsRefused()
    {
        await using var p = await Pathway.StartAsync();
        var (pupil, instance) = await Stage4PupilAsync(p);
        var senco = await p.StaffAsync("senco", "senco", "Sam Patel");
        var task = await ParentVoiceTaskAsync(senco, pupil);
        var (id, path, created) = await LinkAsync(senco, pupil, task);
        var now = (DateTimeOffset)(await p.Http.GetFromJsonAsync<JsonObject>("/api/clock"))!["now"]!;
        Assert.Equal(now.AddDays(14), (DateTimeOffset)created["expiresAt"]!);
        var token = path.Split('/')[^1];
        Assert.True(token.Length >= 22, "at least 128 bits");
        var listed = await senco.GetStringAsync($"/api/pupils/{pupil}/parent-links");
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        var link = JsonNode.Parse(listed)!.AsArray().Single()!;
        Assert.Equal(("open", "Sam Patel", task), ((string?)link["state"], (string?)link["createdBy"], (string?)link["taskId"]));

        using var parent = p.Factory.CreateAnonymousClient();
        var page = await parent.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Ava", html, StringComparison.Ordinal);
        Assert.Contains("Oakfield Primary", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Surname, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(page.Headers.CacheControl?.NoStore, "no-store");
        Assert.Contains("form-action 'self'", string.Join(" ", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        var sent = await AnswerAsync(parent, path, Answer());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Thank you. The school has your views about Ava", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // On the record: the task completed by the parent's answer, journaled on the pathway "from the parent" with the answer.
        var journaled = Assert.Single(await FromTheParentAsync(p, instance));
        Assert.Equal("task-completed", (string?)journaled["kind"]);
        Assert.Equal((Views, id), ((string?)journaled["data"]!["form"]!["parentViews"], (string?)journaled["data"]!["form"]!["parentLink"]));
        Assert.Equal("completed", (string?)(await senco.GetFromJsonAsync<JsonObject>($"/api/tasks/{task}"))!["status"]);
        var record = (await senco.GetFromJsonAsync<JsonObject>($"/api/pupils/{pupil}/record"))!;
        Assert.Contains(record["chronology"]!.AsArray(),
            c => (string?)c!["who"] == "from the parent" && (string?)c["detail"] == "Completed 'Record the parent voice'.");
        var answered = (await senco.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/parent-links"))!.Single()!;
        Assert.Equal(("used", Views, "Tuesdays after 3pm"),
            ((string?)answered["state"], (string?)answered["answer"]!["parentViews"], (string?)answered["answer"]!["canMeet"]));
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/audit?pupilId={pupil}&action=change"))!;
        Assert.Contains(audit, a => (string?)a!["resource"] == "parent-link" && (string?)a["resourceId"] == id
            && (string?)a["userName"] == "A parent, by a link" && (string?)a["path"] == "/parent/{token}");
        Assert.DoesNotContain(token, (await p.Http.GetStringAsync($"/api/audit?pupilId={pupil}")), StringComparison.Ordinal);

        // Sent again (the same form, its token still in hand) and opened again: refused, nothing recorded twice.
        var again = await parent.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(Answer("Again"))
        {
            ["__RequestVerificationToken"] = StudioCookie.TokenIn(html),
        }));
        await AssertRefusedAsync(again);
        await AssertRefusedAsync(await parent.GetAsync(path));
        Assert.Single(await FromTheParentAsync(p, instance));

        // A forged token gets the very same page: it does not say which.
        var forged = await parent.GetAsync($"/parent/{new string('A', 43)}");
        await AssertRefusedAsync(forged);
        Assert.Equal(await (await parent.GetAsync(path)).Content.ReadAsStringAsync(), await forged.Content.ReadAsStringAsync());
        await AssertRefusedAsync(await parent.GetAsync("/parent/not-even-a-token"));

        // A used link can't be revoked: its answer is on the record.
        Assert.Equal(HttpStatusCode.Conflict, (await senco.DeleteAsync($"/api/pupils/{pupil}/parent-links/{id}")).StatusCode);
    }

    [Fact]
    public async Task ALinkMadeForNoTask_JournalsTheAnswerOnThePupilsPathway_FromTheParent()
    {
        await using var p = await Pathway.StartAsync();
        var (pupil, instance) = await Stage4PupilAsync(p);
        var teacherOfNoClass = await p.StaffAsync("teacher", "class-teacher", "Jo Jones", classes: "9 Elm");
        Assert.Equal(HttpStatusCode.NotFound,
            (await teacherOfNoClass.PostAsJsonAsync($"/api/pupils/{pupil}/parent-links", new { form = "parent-voice" })).StatusCode);
        var (_, path, _) = await LinkAsync(p.Http, pupil);

        using var parent = p.Factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(parent, path, new() { ["parentViews"] = Views })).StatusCode);

        var journaled = Assert.Single(await FromTheParentAsync(p, instance));
        Assert.Equal(("parent-voice", "The parent's views, sent by a link."), ((string?)journaled["kind"], (string?)journaled["detail"]));
        Assert.Equal(Views, (string?)journaled["data"]!["form"]!["parentViews"]);
        Assert.Contains((await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{pupil}/record"))!["chronology"]!.AsArray(),
            c => (string?)c!["who"] == "from the parent" && (string?)c["kind"] == "parent-voice");
        // The pupil's own parent-voice task is the SENCo's still: a link made for no task completes none.
        await ParentVoiceTaskAsync(p.Http, pupil);
    }

    [Fact]
    public async Task AnExpiredLink_IsRefused_AndRecordsNothing()
    {
        await using var p = await Pathway.StartAsync();
        var (pupil, instance) = await Stage4PupilAsync(p);
        var task = await ParentVoiceTaskAsync(p.Http, pupil);
        var (id, path, _) = await LinkAsync(p.Http, pupil, task);
        using var parent = p.Factory.CreateAnonymousClient();
        var html = await parent.GetStringAsync(path);

        await p.AdvanceDaysAsync(15);
        await AssertRefusedAsync(await parent.GetAsync(path));
        var sent = await parent.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(Answer())
        {
            ["__RequestVerificationToken"] = StudioCookie.TokenIn(html),
        }));
        await AssertRefusedAsync(sent);
        Assert.Empty(await FromTheParentAsync(p, instance));
        Assert.Equal("open", (string?)(await p.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{task}"))!["status"]);
        var link = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/parent-links"))!.Single()!;
        Assert.Equal((id, "expired"), ((string?)link["id"], (string?)link["state"]));
    }

    [Fact]
    public async Task ARevokedLink_IsRefused_AndRecordsNothing()
    {
        await using var p = await Pathway.StartAsync();
        var (pupil, instance) = await Stage4PupilAsync(p);
        var teacher = await p.StaffAsync("teacher", "class-teacher", "Jo Jones", classes: "3 Oak");
        (await p.Http.PutAsJsonAsync($"/api/pupils/{pupil}", new { className = "3 Oak" })).EnsureSuccessStatusCode();
        var (id, path, _) = await LinkAsync(teacher, pupil);
        using var parent = p.Factory.CreateAnonymousClient();
        var html = await parent.GetStringAsync(path);

        var revoked = await teacher.DeleteAsync($"/api/pupils/{pupil}/parent-links/{id}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(("revoked", "Jo Jones"), ((string?)(await revoked.Content.ReadFromJsonAsync<JsonObject>())!["state"],
            (string?)(await teacher.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/parent-links"))!.Single()!["revokedBy"]));
        await AssertRefusedAsync(await parent.GetAsync(path));
        await AssertRefusedAsync(await parent.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(Answer())
        {
            ["__RequestVerificationToken"] = StudioCookie.TokenIn(html),
        })));
        Assert.Empty(await FromTheParentAsync(p, instance));
    }

    [Fact]
    public async Task BadInput_ShowsEveryProblemOnThePage_AndRecordsNothing_ThenTheLinkStillWorks()
    {
        await using var p = await Pathway.StartAsync();
        var (pupil, instance) = await Stage4PupilAsync(p);
        var (_, path, _) = await LinkAsync(p.Http, pupil, await ParentVoiceTaskAsync(p.Http, pupil));
        using var parent = p.Factory.CreateAnonymousClient();

        var empty = await AnswerAsync(parent, path, new() { ["parentViews"] = "  ", ["canMeet"] = new string('x', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Please fill in &#x27;Your views&#x27;.", html, StringComparison.Ordinal);
        Assert.Contains("can be at most 500 characters; this is 501", html, StringComparison.Ordinal);
        Assert.Contains(new string('x', 501), html, StringComparison.Ordinal);

        var noToken = await parent.PostAsync(path, new FormUrlEncodedContent(Answer()));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("The form had expired", await noToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notAForm = await parent.PostAsJsonAsync(path, new { parentViews = Views });
        Assert.Equal(HttpStatusCode.BadRequest, notAForm.StatusCode);
        Assert.Empty(await FromTheParentAsync(p, instance));

        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(parent, path, Answer())).StatusCode);
        Assert.Single(await FromTheParentAsync(p, instance));
    }

    [Fact]
    public async Task MakingALink_ListsEveryProblem_AndATaskIsGivenOnlyByWhoMayCompleteIt()
    {
        await using var p = await Pathway.StartAsync();
        var (pupil, _) = await Stage4PupilAsync(p);
        var review = (string)(await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?pupilId={pupil}&status=open"))!
            .First(t => (string?)t!["title"] != "Record the parent voice")!["id"]!;
        var bad = await p.Http.PostAsJsonAsync($"/api/pupils/{pupil}/parent-links", new { form = "school-report", taskId = review });
        var problems = (await Pathway.ProblemAsync(bad, HttpStatusCode.BadRequest))["errors"]!.AsArray();
        Assert.Equal(["form", "taskId"], problems.Select(e => (string?)e!["field"]).Order().ToArray());

        // The parent-voice task is the SENCo's: the pupil's class teacher may make a link, but not one that completes it.
        (await p.Http.PutAsJsonAsync($"/api/pupils/{pupil}", new { className = "3 Oak" })).EnsureSuccessStatusCode();
        var teacher = await p.StaffAsync("teacher", "class-teacher", "Jo Jones", classes: "3 Oak");
        var task = await ParentVoiceTaskAsync(p.Http, pupil);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await teacher.PostAsJsonAsync($"/api/pupils/{pupil}/parent-links", new { form = "parent-voice", taskId = task })).StatusCode);
        var ta = await p.StaffAsync("ta", "teaching-assistant", "Tia Adams", classes: "3 Oak");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await ta.PostAsJsonAsync($"/api/pupils/{pupil}/parent-links", new { form = "parent-voice" })).StatusCode);
        Assert.Empty((await p.Http.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/parent-links"))!);
    }

    [Fact]
    public async Task ThePage_IsRateLimited_PerLink_AndPerAddress()
    {
        await using var p = await Pathway.StartAsync();
        var (pupil, _) = await Stage4PupilAsync(p);
        var (_, path, _) = await LinkAsync(p.Http, pupil);
        using var parent = p.Factory.CreateAnonymousClient();
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync(path)).StatusCode);
        var limited = await parent.GetAsync(path);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Contains("Please wait a minute", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Token after token from one address: 30 a minute in all, then none, however new each token is.
        for (var i = 0; i < 19; i++) await AssertRefusedAsync(await parent.GetAsync($"/parent/{Guid.NewGuid():N}{Guid.NewGuid():N}"[..51]));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await parent.GetAsync($"/parent/{new string('B', 43)}")).StatusCode);
    }
}

namespace SendWorkflow.Host.Tests.Security;

/// <summary>Pupil records are special category data: a whole scenario runs, and no log line holds a name or a birthday.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task AScenarioRun_WritesNoPersonalDataToTheLog()
    {
        var logs = new CapturedLogs();
        const string pupilName = "Zebedee Quartermaine";
        const string birthday = "2017-03-29";
        const string staffEmail = "marigold.featherstone@test.example";
        const string password = "Secret-passw0rd";
        await using (var p = new Pathway("2026-10-12", logs: logs))
        {
            await p.EnsureSchoolAsync();
            (await p.Http.PostAsJsonAsync("/api/pupils", new
            {
                id = "zq", name = pupilName, dateOfBirth = birthday, schoolId = "oakfield", yearGroup = 6, className = "6 Cedar",
            })).EnsureSuccessStatusCode();
            var pathway = (string)(await (await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = "zq" }))
                .Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            (await p.Http.PostAsJsonAsync("/api/users", new
            {
                email = staffEmail, displayName = "Marigold Featherstone", role = "class-teacher", schoolId = "oakfield", classes = "6 Cedar",
                    password,
            })).EnsureSuccessStatusCode();
            using var anonymous = p.Factory.CreateAnonymousClient();
            await anonymous.PostAsJsonAsync("/api/auth/token", new { email = staffEmail, password = "wrong-password" });
            await anonymous.GetAsync("/api/pupils/zq");
            // The parent answers by a link: their words about the child go to the record, not to the log.
            var link = new Uri((string)(await (await p.Http.PostAsJsonAsync("/api/pupils/zq/parent-links", new { form = "parent-voice" }))
                .Content.ReadFromJsonAsync<JsonObject>())!["url"]!).AbsolutePath;
            (await AnswerAsync(anonymous, link, "Zebedee came home from hospital on Monday.")).EnsureSuccessStatusCode();

            await p.AdvanceToAsync("2026-12-01");
            await p.ReviewAsync(pathway, "little");
            await p.RaiseAsync(pathway, "assessment.requested", new { by = "parent" });
            var assessment = (string)(await p.ChildAsync(pathway, "ehcp-assessment"))["id"]!;
            await p.RaiseAsync(assessment, "assessment.decided", new { assess = true, decidedOn = "2026-12-01", decidedBy = "Officer Hollyhock" });
            await p.Http.PostAsJsonAsync($"/api/instances/{assessment}/exceptions", new
            {
                kind = "personal-circumstances", startsOn = "2026-12-01", endsOn = "2026-12-01", note = "Zebedee was in hospital",
                    recordedBy = "Officer Hollyhock",
            });
            await p.AdvanceToAsync("2027-03-01");
            await p.Http.GetStringAsync("/api/schools/oakfield/sen-register.csv");
            await p.Http.GetStringAsync("/api/audit");
        }

        Assert.True(logs.Lines.Count > 20, $"only {logs.Lines.Count} log lines were captured");
        foreach (var secret in new[] { "Zebedee", "Quartermaine", birthday, "29/03/2017", "Marigold", "Featherstone", staffEmail, password,
            "Hollyhock", "hospital" })
        {
            var leaks = logs.Lines.Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"'{secret}' is in the log:\n{string.Join("\n", leaks.Take(3))}");
        }
    }

    /// <summary>
    /// Request logs hold paths, and paths hold pupil ids and calendar secrets: with the levels appsettings.json ships, and
    /// the host started from the repository root (where <c>dotnet run --project src/Host</c> starts it), none is logged.
    /// </summary>
    [Fact]
    public async Task WithTheShippedLevels_StartedFromTheRepositoryRoot_NoPupilIdOrCalendarSecretIsLogged()
    {
        var logs = new CapturedLogs();
        const string pupilId = "pupil-quillon-4471";
        await using var f = new ServiceFactory { Logs = logs, ShippedLogLevels = true, ContentRoot = RepoPaths.Root };
        using var admin = f.CreateClient();
        (await admin.PostAsJsonAsync("/api/boroughs", new { id = "demo-borough", name = "Demo Borough" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/schools", new { id = "oakfield", name = "Oakfield Primary", boroughId = "demo-borough" }))
            .EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/pupils", new
        {
            id = pupilId, name = "Test Pupil", dateOfBirth = "2018-05-01", schoolId = "oakfield", yearGroup = 3, className = "3 Oak",
        })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/users", new
        {
            email = "jo@test.example", displayName = "Jo Brown", role = "class-teacher", schoolId = "oakfield", classes = "3 Oak",
            password = "Correct-horse-1",
        })).EnsureSuccessStatusCode();
        using var teacher = f.CreateAnonymousClient();
        var token = (string)(await (await teacher.PostAsJsonAsync("/api/auth/token", new { email = "jo@test.example", password = "Correct-horse-1" }))
            .Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
        teacher.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var feed = new Uri((string)(await teacher.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["calendarFeed"]!);
        var secret = Path.GetFileNameWithoutExtension(feed.AbsolutePath);

        (await teacher.GetAsync($"/api/pupils/{pupilId}/record")).EnsureSuccessStatusCode();
        (await teacher.GetAsync(feed.PathAndQuery)).EnsureSuccessStatusCode();
        await teacher.GetAsync($"/api/pupils/{pupilId}/nothing-here?secret={secret}");
        await f.CreateAnonymousClient().GetAsync($"/api/pupils/{pupilId}/record");
        await f.CreateAnonymousClient().GetAsync(feed.PathAndQuery.Replace(secret, secret[..^2] + "xx", StringComparison.Ordinal));
        var link = new Uri((string)(await (await teacher.PostAsJsonAsync($"/api/pupils/{pupilId}/parent-links", new { form = "parent-voice" }))
            .Content.ReadFromJsonAsync<JsonObject>())!["url"]!).AbsolutePath;
        using var parent = f.CreateAnonymousClient();
        (await AnswerAsync(parent, link, "Fine.")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync(link)).StatusCode);
        var linkToken = link.Split('/')[^1];

        Assert.Contains(logs.Lines, l => l.Contains("SendWorkflow is ready", StringComparison.Ordinal));
        foreach (var leak in new[] { pupilId, secret, "quillon", linkToken })
        {
            var lines = logs.Lines.Where(l => l.Contains(leak, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(lines.Count == 0, $"'{leak}' is in the log:\n{string.Join("\n", lines.Take(3))}");
        }
    }

    /// <summary>A parent's browser: opens the link's page and sends the form with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient parent, string link, string views)
    {
        var token = StudioCookie.TokenIn(await parent.GetStringAsync(link));
        return await parent.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["parentViews"] = views, ["__RequestVerificationToken"] = token,
        }));
    }
}

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// Reminders by email (issue 17), received by a real SMTP server in the test process: each member of staff's digest at
/// 07:00 on school days (none at the weekend, none for someone who turned it off), the SENCo's email when overdue work is
/// escalated to them, the right counts and UK due dates, pupils by their initials and never by name, and a restart on the
/// same database that sends what was not sent and never a day's digest twice. The log names no pupil and no address.
/// </summary>
public sealed class EmailTests
{
    private static readonly string[] PupilNames = ["Zebedee Quillfeather", "Ottoline Brackenbury"];
    private static readonly System.Globalization.CultureInfo Uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task StaffGetTheirDigest_At0700OnSchoolDays_NotAtTheWeekend_NorWhenTurnedOff_AndTheSencoHearsOfEscalations()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var p = await Pathway.StartAsync("2026-10-12", settings: smtp.Settings);
        var senco = await p.StaffAsync("sam", "senco", "Sam Patel");
        var olive = await p.StaffAsync("olive", "class-teacher", "Olive Marsh", classes: "3 Oak");
        var omar = await p.StaffAsync("omar", "class-teacher", "Omar Reid", classes: "3 Oak");
        await p.StaffAsync("tara", "class-teacher", "Tara Lane", classes: "4 Ash");

        // Omar turns his digest off; a setting that isn't true or false is refused and changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await omar.PutAsJsonAsync("/api/me/settings", new { })).StatusCode);
        var off = await omar.PutAsJsonAsync("/api/me/settings", new { digest = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var settings = (await omar.GetFromJsonAsync<JsonObject>("/api/me/settings"))!;
        Assert.False((bool)settings["digest"]!);
        Assert.True((bool)settings["emailEnabled"]!);
        Assert.True((bool)(await olive.GetFromJsonAsync<JsonObject>("/api/me/settings"))!["digest"]!);

        // Monday 12 October: two pupils of 3 Oak start at stage 1, and the SENCo gives one of Zebedee's later tasks to Olive.
        var zebedee = await PupilAsync(p, PupilNames[0]);
        var ottoline = await PupilAsync(p, PupilNames[1]);
        var tasks = (await OpenTasksAsync(p, zebedee)).Concat(await OpenTasksAsync(p, ottoline)).ToList();
        var later = tasks.First(t => t.DueOn > new DateOnly(2026, 10, 20) && t.PupilId == zebedee);
        var oliveId = (string)(await olive.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await senco.PostAsJsonAsync($"/api/tasks/{later.Id}/assign", new { userId = oliveId })).StatusCode);
        Assert.Empty(smtp.Received);

        // Tuesday 13 October, 07:00: Olive's digest, and nobody else's (Omar's is off; Sam and Tara have nothing to hear of).
        await p.AdvanceToAsync("2026-10-13T09:00:00+01:00");
        var tuesday = Assert.Single(smtp.Received);
        Assert.Equal("olive@test.example", tuesday.To);
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 7, 0, 0, TimeSpan.FromHours(1)), tuesday.Message.Date);
        var dueSoon = tasks.Where(t => t.DueOn <= new DateOnly(2026, 10, 20)).ToList();
        Assert.Equal(8, dueSoon.Count);
        Assert.Equal("Your tasks for Tuesday 13 October 2026: 0 overdue, 8 due soon, 1 newly assigned", tuesday.Subject);
        Assert.Contains("  8 due in the next 7 days", tuesday.Text, StringComparison.Ordinal);
        foreach (var task in dueSoon)
        {
            Assert.Contains($"{SmtpSink.StudioUrl}/inbox?task={task.Id}", tuesday.Text, StringComparison.Ordinal);
            Assert.Contains($"{task.Title} for {(task.PupilId == zebedee ? "Z.Q." : "O.B.")}, due 19 October 2026", tuesday.Text,
                StringComparison.Ordinal);
        }
        Assert.Contains($"{later.Title} for Z.Q., due 2 November 2026", Section(tuesday.Text, "Assigned to you since your last digest"),
            StringComparison.Ordinal);
        Assert.Contains($"{SmtpSink.StudioUrl}/inbox", tuesday.Message.HtmlBody, StringComparison.Ordinal);
        // Of the tasks due later, only the one assigned to her is there.
        Assert.All(tasks.Except(dueSoon).Where(t => t.Id != later.Id), t => Assert.DoesNotContain(t.Id.ToString(), tuesday.Raw,
            StringComparison.Ordinal));

        // Wednesday to Friday: one each school day, nothing newly assigned since Tuesday's; the weekend: nothing.
        await p.AdvanceToAsync("2026-10-16T09:00:00+01:00");
        Assert.Equal(["Wednesday 14 October 2026", "Thursday 15 October 2026", "Friday 16 October 2026"],
            smtp.Received.Skip(1).Select(m => DayOf(m.Subject)));
        Assert.All(smtp.Received.Skip(1), m => Assert.EndsWith("0 newly assigned", m.Subject, StringComparison.Ordinal));
        await p.AdvanceToAsync("2026-10-18T12:00:00+01:00");
        Assert.Equal(4, smtp.Received.Count);
        await p.AdvanceToAsync("2026-10-19T09:00:00+01:00");
        Assert.Equal("Monday 19 October 2026", DayOf(Assert.Single(smtp.Received.Skip(4)).Subject));

        // Tuesday 20 October: the eight tasks due Monday are overdue and escalated to the SENCo, who is emailed once for all of
        // them and has a digest of his own now; Olive's digest counts them overdue.
        await p.AdvanceToAsync("2026-10-20T09:00:00+01:00");
        var today = smtp.Received.Skip(5).ToList();
        var escalations = (await p.Http.GetFromJsonAsync<JsonArray>("/api/tasks?role=senco&status=open"))!
            .Select(t => (Id: (string)t!["id"]!, DueOn: DateOnly.Parse((string)t["dueOn"]!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(8, escalations.Count);
        var escalated = Assert.Single(today, m => m.Subject.StartsWith("Escalated", StringComparison.Ordinal));
        Assert.Equal("sam@test.example", escalated.To);
        Assert.Equal("Escalated to you: 8 overdue tasks", escalated.Subject);
        foreach (var (id, dueOn) in escalations)
        {
            Assert.Contains($"the escalation is due {dueOn.ToString("d MMMM yyyy", Uk)}\n    {SmtpSink.StudioUrl}/inbox?task={id}",
                Unix(escalated.Text), StringComparison.Ordinal);
        }
        Assert.Contains("Overdue since 19 October 2026: Start early intervention (class-teacher) for Z.Q.", escalated.Text,
            StringComparison.Ordinal);
        Assert.Contains("Overdue since 19 October 2026: Start early intervention (class-teacher) for O.B.", escalated.Text,
            StringComparison.Ordinal);
        var samsDigest = Assert.Single(today, m => m.To == "sam@test.example" && m.Subject.StartsWith("Your tasks", StringComparison.Ordinal));
        Assert.Equal("Your tasks for Tuesday 20 October 2026: 0 overdue, 8 due soon, 0 newly assigned", samsDigest.Subject);
        var olivesDigest = Assert.Single(today, m => m.To == "olive@test.example");
        Assert.Equal("Your tasks for Tuesday 20 October 2026: 8 overdue, 0 due soon, 0 newly assigned", olivesDigest.Subject);
        Assert.Equal(3, today.Count);

        // Nobody else heard anything, and no pupil is named anywhere in anything that arrived.
        Assert.Equal(["olive@test.example", "sam@test.example"], smtp.Received.Select(m => m.To).Distinct().Order(StringComparer.Ordinal));
        AssertNoPupilNamed(smtp.Received);
        // Each email sent is in the audit log, as what its reader was shown.
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/audit?userId={oliveId}&action=read"))!;
        Assert.Equal(6, audit.Count(a => (string?)a!["resource"] == "digest-email"));
    }

    [Fact]
    public async Task ARestart_OnTheSameDatabase_SendsWhatWasNotSent_AndNeverADaysDigestTwice()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var database = TestFiles.Database();
        await using (var p = await Pathway.StartAsync("2026-10-12", database, settings: smtp.Settings))
        {
            await p.StaffAsync("olive", "class-teacher", "Olive Marsh", classes: "3 Oak");
            await p.StaffAsync("omar", "class-teacher", "Omar Reid", classes: "3 Oak");
            await PupilAsync(p, PupilNames[0]);
            await p.AdvanceToAsync("2026-10-13T09:00:00+01:00");
            Assert.Equal(2, smtp.Received.Count);
        }

        // Started again on Tuesday at 09:00, after the round: the day's digests went already, so nothing goes again.
        await using (var p = new Pathway("2026-10-12", database, settings: smtp.Settings))
        {
            Assert.Equal("2026-10-13", (string?)(await p.Http.GetFromJsonAsync<JsonObject>("/api/clock"))!["today"]);
            Assert.Equal(2, smtp.Received.Count);
        }

        // Wednesday's round runs while the SMTP server is down: nothing goes, nothing is recorded as sent...
        await using (var p = new Pathway("2026-10-12", database, settings: SmtpSink.SettingsFor(SmtpSink.FreePort())))
        {
            await p.AdvanceToAsync("2026-10-14T09:00:00+01:00");
        }
        Assert.Equal(2, smtp.Received.Count);

        // ...so the next start sends Wednesday's digests, once each, and the start after that sends nothing.
        await using (var p = new Pathway("2026-10-12", database, settings: smtp.Settings))
        {
            Assert.Equal(4, smtp.Received.Count);
        }
        await using (var p = new Pathway("2026-10-12", database, settings: smtp.Settings))
        {
            Assert.Equal(4, smtp.Received.Count);
        }
        Assert.Equal(["Tuesday 13 October 2026", "Tuesday 13 October 2026", "Wednesday 14 October 2026", "Wednesday 14 October 2026"],
            smtp.Received.Select(m => DayOf(m.Subject)));
        Assert.Equal(2, smtp.Received.Skip(2).Select(m => m.To).Distinct().Count());
        AssertNoPupilNamed(smtp.Received);
    }

    [Fact]
    public async Task TheLasOverdueDecision_IsEscalatedToTheBoroughsLaOfficers_AndNoOtherBoroughs()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var logs = new CapturedLogs();
        await using var p = new Pathway("2026-10-12", logs: logs, settings: smtp.Settings);
        await p.EnsureSchoolAsync();
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north", name = "North Borough" })).EnsureSuccessStatusCode();
        foreach (var (user, borough) in new[] { ("lee", "demo-borough"), ("nell", "north") })
        {
            (await p.Http.PostAsJsonAsync("/api/users", new { email = $"{user}@test.example", displayName = $"Officer {user}", role = "la-officer",
                boroughId = borough, password = Pathway.StaffPassword })).EnsureSuccessStatusCode();
        }
        var pupil = await PupilAsync(p, PupilNames[0]);
        var pathway = (string)(await p.Http.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/instances"))![0]!["id"]!;
        await p.RaiseAsync(pathway, "assessment.requested", new { by = "school" });

        // The decision whether to assess falls due 6 weeks after the request (23 November); the next morning it is escalated.
        await p.AdvanceToAsync("2026-11-24T09:00:00Z");
        var escalated = Assert.Single(smtp.Received, m => m.Subject.StartsWith("Escalated", StringComparison.Ordinal));
        Assert.Equal("lee@test.example", escalated.To);
        Assert.StartsWith("Escalated to you: Overdue since 23 November 2026: Decide whether to assess", escalated.Subject,
            StringComparison.Ordinal);
        Assert.Contains("for Z.Q., the escalation is due 26 November 2026", escalated.Text, StringComparison.Ordinal);
        // Lee had the decision in his digests the week it was due; the other borough's officer heard nothing.
        Assert.Contains(smtp.Received, m => m.To == "lee@test.example" && m.Subject.StartsWith("Your tasks for Monday 16 November 2026",
            StringComparison.Ordinal));
        Assert.DoesNotContain(smtp.Received, m => m.To == "nell@test.example");
        AssertNoPupilNamed(smtp.Received);
        // The log, at every level, counts the emails and names nobody: no pupil (not even by initials), no address.
        Assert.Contains(logs.Lines, l => l.Contains("escalation emails sent", StringComparison.Ordinal));
        foreach (var leak in PupilNames.SelectMany(n => n.Split(' ')).Append("Z.Q.").Append("lee@test.example"))
            Assert.DoesNotContain(logs.Lines, l => l.Contains(leak, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithoutAnSmtpHost_NoEmailIsSent_AndTheSettingSaysSo()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var p = await Pathway.StartAsync("2026-10-12");
        var olive = await p.StaffAsync("olive", "class-teacher", "Olive Marsh", classes: "3 Oak");
        Assert.False((bool)(await olive.GetFromJsonAsync<JsonObject>("/api/me/settings"))!["emailEnabled"]!);
        await PupilAsync(p, PupilNames[0]);
        await p.AdvanceToAsync("2026-10-20T09:00:00+01:00");
        Assert.Empty(smtp.Received);
    }

    private sealed record OpenTask(string Id, string PupilId, string Title, DateOnly DueOn);

    private static async Task<string> PupilAsync(Pathway p, string name)
    {
        var id = $"pupil-{Guid.NewGuid():N}"[..24];
        (await p.Http.PostAsJsonAsync("/api/pupils", new { id, name, dateOfBirth = "2018-05-01", schoolId = "oakfield", yearGroup = 3,
            className = "3 Oak" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = id }))
            .StatusCode);
        return id;
    }

    private static async Task<List<OpenTask>> OpenTasksAsync(Pathway p, string pupilId) =>
        (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?pupilId={pupilId}&status=open"))!
            .Select(t => new OpenTask((string)t!["id"]!, pupilId, (string)t["title"]!,
                DateOnly.Parse((string)t["dueOn"]!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The day a digest is for, from its subject ("Your tasks for Tuesday 13 October 2026: ...").</summary>
    private static string DayOf(string subject) => subject["Your tasks for ".Length..subject.IndexOf(':', StringComparison.Ordinal)];

    /// <summary>A part of a digest's text, from its heading to the next blank line.</summary>
    private static string Section(string text, string heading)
    {
        var unix = Unix(text);
        var start = unix.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No part '{heading}' in:\n{text}");
        var end = unix.IndexOf("\n\n", start, StringComparison.Ordinal);
        return unix[start..(end < 0 ? unix.Length : end)];
    }

    private static string Unix(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>No part of any pupil's name in any message, raw or decoded; and the emails did speak of pupils (by initials).</summary>
    private static void AssertNoPupilNamed(IReadOnlyList<ReceivedEmail> received)
    {
        Assert.NotEmpty(received);
        Assert.Contains(received, m => m.Text.Contains("Z.Q.", StringComparison.Ordinal));
        foreach (var email in received)
        {
            foreach (var part in PupilNames.SelectMany(n => n.Split(' ')))
                Assert.DoesNotContain(part, email.Everything, StringComparison.OrdinalIgnoreCase);
        }
    }
}

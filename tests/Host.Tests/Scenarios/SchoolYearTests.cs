using System.Globalization;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The demo school walked through the school year 2026-27 on the simulated clock, through the API only (issue 13's
/// "done when"): the monitoring programme's activities fall due in the right term of the demo borough's calendar for the
/// right role; the parents of pupils on SEN support are met once a term and the SENCo's view says so; the SEN governor's
/// report for each term and the SEN information report for the year carry the figures the walk made, in the JSON and in
/// the PDF, and name no pupil; the action plan collects the follow-up actions of monitoring activities and the CPD
/// audit's priorities.
/// </summary>
public sealed class SchoolYearTests
{
    private const string Year = "2026-27";
    private const string School = "/api/schools/oakfield";
    private const string ParentMeeting = "Termly meeting with parents";

    private static readonly DateOnly YearStart = new(2026, 9, 1);
    private static readonly DateOnly YearEnd = new(2027, 8, 31);
    private static readonly string[] TermNames = ["autumn", "spring", "summer"];

    // Distinctive names, so that finding any part of one in a report can only mean it leaked.
    private static readonly string[] Names =
        ["Hermione Vandersloot", "Cornelius Abernathy", "Isadora Quenby", "Thaddeus Wolstenholme"];

    /// <summary>A term of 2026-27 as the demo borough's calendar file has it, and its last school day.</summary>
    private sealed record Term(string Name, DateOnly Start, DateOnly End, DateOnly LastSchoolDay);

    /// <summary>An activity of the monitoring schedule as the definition file has it.</summary>
    private sealed record Activity(string Id, string Title, string Role, string Term);

    private static DateOnly Date(JsonNode? node) => DateOnly.ParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The terms of 2026-27 read from definitions/calendars/demo-borough.json.</summary>
    private static List<Term> Terms()
    {
        var calendar = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Definitions, "calendars", "demo-borough.json")))!;
        var closures = calendar["closures"]!.AsArray().Select(c => Date(c!["date"])).ToHashSet();
        DateOnly LastSchoolDay(DateOnly day)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || closures.Contains(day)) day = day.AddDays(-1);
            return day;
        }
        return calendar["terms"]!.AsArray()
            .Select(t => (Name: (string)t!["name"]!, Start: Date(t["start"]), End: Date(t["end"])))
            .Where(t => YearStart <= t.Start && t.Start <= YearEnd)
            .Select(t => new Term(TermNames.Single(n => t.Name.StartsWith(n, StringComparison.OrdinalIgnoreCase)), t.Start, t.End,
                LastSchoolDay(t.End)))
            .ToList();
    }

    /// <summary>Every activity of definitions/workflows/senco-monitoring.json with the term it is due by the end of.</summary>
    private static List<Activity> Activities()
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Definitions, "workflows", "senco-monitoring.json")))!;
        return definition["states"]!.AsArray().SelectMany(s => s!["tasks"]?.AsArray() ?? [])
            .Select(t => new Activity((string)t!["id"]!, (string)t["title"]!, (string)t["role"]!, (string)t["due"]!["endOfTerm"]!))
            .ToList();
    }

    private static async Task<string> StartProgrammeAsync(Pathway p)
    {
        var response = await p.Http.PostAsJsonAsync($"{School}/programmes", new { definitionId = "senco-monitoring", academicYear = Year });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!;
    }

    private static async Task<List<JsonObject>> TasksAsync(Pathway p, string query) =>
        (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?{query}&take=100"))!.Select(t => t!.AsObject()).ToList();

    /// <summary>A pupil moved to the pathway's state by its own events, with a name and a primary need; returns the pupil's id.</summary>
    private static async Task<string> PupilAsync(Pathway p, string state, string name, string need)
    {
        var pupil = (string)(await p.InstanceAsync(await p.PupilAtAsync(state)))["pupilId"]!;
        (await p.Http.PutAsJsonAsync($"/api/pupils/{pupil}", new { name, primaryNeed = need })).EnsureSuccessStatusCode();
        return pupil;
    }

    private static async Task<string> InstanceOfAsync(Pathway p, string pupil) =>
        (string)(await p.Http.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/instances"))!
            .Single(i => (string?)i!["definitionId"] == "send-pathway")!["id"]!;

    private static async Task CompleteAsync(Pathway p, string task, Dictionary<string, string> form)
    {
        var response = await p.Http.PostAsJsonAsync($"/api/tasks/{task}/complete", new { form });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Completes this term's open activity of the programme with the given title (the monitoring form).</summary>
    private static async Task MonitorAsync(Pathway p, string programme, string title, string findings, string? followUps = null)
    {
        var task = (await TasksAsync(p, $"instanceId={programme}&status=open"))
            .Where(t => (string?)t["title"] == title).OrderBy(t => (string)t["dueOn"]!, StringComparer.Ordinal).First();
        var form = new Dictionary<string, string> { ["findings"] = findings, ["rating"] = "developing" };
        if (followUps is not null) form["followUpActions"] = followUps;
        await CompleteAsync(p, (string)task["id"]!, form);
    }

    /// <summary>The SENCo's termly meeting with the SEN governor, with its minutes.</summary>
    private static async Task MeetGovernorAsync(Pathway p, string programme, string term)
    {
        var task = (await TasksAsync(p, $"instanceId={programme}&status=open"))
            .Where(t => (string?)t["title"] == "Report to and meet the SEN governor").OrderBy(t => (string)t["dueOn"]!, StringComparer.Ordinal)
            .First();
        await CompleteAsync(p, (string)task["id"]!, new Dictionary<string, string>
        {
            ["attendees"] = "SENCo, SEN governor", ["minutes"] = $"Went through the {term} term's report.",
        });
    }

    /// <summary>The fortnightly meeting with the teaching assistants: the programme's, but not one of the schedule's activities.</summary>
    private const string LineManagement = "Line-management meetings with the teaching assistants (every other week)";

    /// <summary>Completes every activity still open of the term (all on the monitoring form by then); returns how many.</summary>
    private static async Task<int> CatchUpAsync(Pathway p, string programme, Term term)
    {
        var open = (await TasksAsync(p, $"instanceId={programme}&status=open"))
            .Where(t => (string?)t["kind"] != "escalation" && (string?)t["title"] != LineManagement && Date(t["dueOn"]) <= term.End).ToList();
        foreach (var task in open)
        {
            await CompleteAsync(p, (string)task["id"]!, new Dictionary<string, string> { ["findings"] = "Done before the holiday." });
        }
        return open.Count;
    }

    /// <summary>The meeting with the pupil's parents that the pathway set for this term, held on time.</summary>
    private static async Task MeetParentsAsync(Pathway p, string pupil, Term term, string agreed)
    {
        var task = Assert.Single(await TasksAsync(p, $"pupilId={pupil}&status=open"), t => (string?)t["title"] == ParentMeeting);
        var today = Date((await p.Http.GetFromJsonAsync<JsonObject>("/api/clock"))!["today"]);
        Assert.InRange(Date(task["dueOn"]), today, term.End);
        await CompleteAsync(p, (string)task["id"]!, new Dictionary<string, string>
        {
            ["attendees"] = "Mother, class teacher, SENCo",
            ["agreed"] = agreed,
            ["nextSteps"] = "The class teacher sends the reading record home each Friday.",
        });
    }

    private static async Task<JsonObject> ParentMeetingsAsync(Pathway p) =>
        (await p.Http.GetFromJsonAsync<JsonObject>($"{School}/parent-meetings?year={Year}"))!;

    private static JsonObject Row(JsonObject view, string pupil) =>
        view["pupils"]!.AsArray().Single(r => (string?)r!["pupilId"] == pupil)!.AsObject();

    private static async Task<JsonArray> PlanAsync(Pathway p) =>
        (await p.Http.GetFromJsonAsync<JsonObject>($"{School}/action-plan?year={Year}"))!["items"]!.AsArray();

    private static async Task UpdateActionAsync(Pathway p, JsonArray plan, string action, string status, string? evidence = null)
    {
        var item = plan.Single(i => (string?)i!["action"] == action)!;
        var response = await p.Http.PutAsJsonAsync($"/api/action-plan/{item["id"]}", new { status, evidence });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> PdfTextAsync(Pathway p, string path)
    {
        var response = await p.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return Pdf.Text(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// The figures of a PDF table's row, whose label begins it and may wrap onto the lines the figures are on: the words from
    /// the label to the text that follows the row, without the label's words.
    /// </summary>
    private static string Cells(string text, string label, string next)
    {
        var start = text.IndexOf(label.Split(' ')[0] + " ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{label}' is not in the PDF: {text}");
        var end = text.IndexOf(next, start + 1, StringComparison.Ordinal);
        Assert.True(end > start, $"'{next}' does not follow '{label}' in the PDF: {text}");
        var words = text[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var word in label.Split(' '))
        {
            Assert.True(words.Remove(word), $"'{word}' of '{label}' is not in its row: {text[start..end]}");
        }
        return string.Join(' ', words);
    }

    private static void NoPupilNamed(string text) =>
        Assert.All(Names.SelectMany(n => n.Split(' ')), part => Assert.DoesNotContain(part, text, StringComparison.OrdinalIgnoreCase));

    /// <summary>What the governor's report for a term should say, from what the walk did.</summary>
    private sealed record Expected(
        Dictionary<int, (int Start, int End)> Stages, Dictionary<string, (int Start, int End)> Needs, int ParentMeetings, int Done,
        int Outstanding, (int ToDo, int InProgress, int Done, int Dropped) Plan);

    /// <summary>The governor's report for the term, as JSON and as a PDF, against what the walk did.</summary>
    private static async Task GovernorReportAsync(Pathway p, string term, Expected expected)
    {
        var report = (await p.Http.GetFromJsonAsync<JsonObject>($"{School}/reports/governor?year={Year}&term={term}"))!;
        var text = await PdfTextAsync(p, $"{School}/reports/governor.pdf?year={Year}&term={term}");

        Assert.Equal((term, Year), ((string?)report["term"], (string?)report["academicYear"]));
        var stages = report["pupilsByStage"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(n => expected.Stages.GetValueOrDefault(n)),
            stages.Select(s => ((int)s["atStart"]!, (int)s["atEnd"]!)));
        Assert.Equal(expected.Needs, report["pupilsByNeed"]!.AsArray()
            .ToDictionary(n => (string)n!["need"]!, n => ((int)n!["atStart"]!, (int)n["atEnd"]!)));
        Assert.Equal(expected.ParentMeetings, (int)report["parentMeetingsHeld"]!);
        var programme = report["programme"]!;
        Assert.Equal((true, expected.Done, expected.Outstanding),
            ((bool)programme["running"]!, (int)programme["done"]!, (int)programme["outstanding"]!));
        var plan = report["actionPlan"]!.AsArray().ToDictionary(s => (string)s!["status"]!, s => (int)s!["count"]!);
        Assert.Equal(expected.Plan, (plan["to do"], plan["in progress"], plan["done"], plan["dropped"]));
        NoPupilNamed(report.ToJsonString());

        // The same figures in the PDF's text.
        var title = $"{term[..1].ToUpperInvariant()}{term[1..]}";
        Assert.Contains($"SEN governor's report: {title} term {Year}", text, StringComparison.Ordinal);
        foreach (var s in stages)
        {
            var (n, from, to) = ((int)s["stage"]!, (int)s["atStart"]!, (int)s["atEnd"]!);
            var change = (to - from) switch { 0 => "no change", > 0 and var d => $"+{d}", var d => $"{d}" };
            Assert.Equal($"{from} {to} {change}", Cells(text, $"{n}: {(string)s["name"]!}", n < 6 ? $"{n + 1}: " : "Pupils by primary need"));
        }
        foreach (var (need, (from, to)) in expected.Needs)
        {
            var change = (to - from) switch { 0 => "no change", > 0 and var d => $"+{d}", var d => $"{d}" };
            Assert.Contains($" {need} {from} {to} {change} ", text, StringComparison.Ordinal);
        }
        Assert.Contains($"{expected.ParentMeetings} meetings with parents were held this term.", text, StringComparison.Ordinal);
        Assert.Contains($"By the end of the term: {expected.Done} activities done, {expected.Outstanding} outstanding.", text,
            StringComparison.Ordinal);
        var actionPlan = text[text.IndexOf($"The action plan for {Year}", StringComparison.Ordinal)..];
        Assert.Contains($"to do {expected.Plan.ToDo} ", actionPlan, StringComparison.Ordinal);
        Assert.Contains($"in progress {expected.Plan.InProgress} ", actionPlan, StringComparison.Ordinal);
        Assert.Contains($"done {expected.Plan.Done} ", actionPlan, StringComparison.Ordinal);
        Assert.Contains($"dropped {expected.Plan.Dropped} ", actionPlan, StringComparison.Ordinal);
        NoPupilNamed(text);
    }

    [Fact]
    public async Task TheProgramme_PutsEachActivityInItsTermOfTheBoroughsCalendar_ForItsRole()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var terms = Terms();
        var activities = Activities();
        Assert.Equal(TermNames, terms.Select(t => t.Name));

        var programme = await StartProgrammeAsync(p);

        var tasks = await TasksAsync(p, $"instanceId={programme}");
        string TermOf(JsonObject task) =>
            terms.SingleOrDefault(t => t.Start <= Date(task["dueOn"]) && Date(task["dueOn"]) <= t.End)?.Name ?? $"no term ({task["dueOn"]})";
        // The named activity's tasks: the role each goes to, the term it falls due in, and whether that is the term's last school day.
        List<(string Role, string Term, bool LastDay)> Named(string id)
        {
            var title = activities.Single(a => a.Id == id).Title;
            return tasks.Where(t => (string?)t["title"] == title)
                .Select(t => ((string)t["role"]!, TermOf(t), terms.Any(x => x.Name == TermOf(t) && x.LastSchoolDay == Date(t["dueOn"]))))
                .OrderBy(t => Array.IndexOf(TermNames, t.Item2)).ToList();
        }

        // Autumn: the planning scrutiny is the SENCo's, Language Link for Reception the class teacher's.
        Assert.Equal([("senco", "autumn", true)], Named("planning-scrutiny-autumn"));
        Assert.Equal([("class-teacher", "autumn", true)], Named("language-link-reception-autumn"));
        // Spring: the classroom visits with the Inclusive Classroom Checklist, and the Year 6 SATs concessions.
        Assert.Equal([("senco", "spring", true)], Named("classroom-visits-spring"));
        Assert.Equal([("class-teacher", "spring", true)], Named("sats-concessions-spring"));
        // Summer: the action plan's review and the work scrutiny.
        Assert.Equal([("senco", "summer", true)], Named("action-plan-review-summer"));
        Assert.Equal([("senco", "summer", true)], Named("work-scrutiny-summer"));
        // Termly: the office updates the SEN register once in each term; the SENCo meets the SEN governor once in each term.
        Assert.Equal([("admin-support", "autumn", true), ("admin-support", "spring", true), ("admin-support", "summer", true)],
            Named("sen-register-autumn"));
        Assert.Equal([("senco", "autumn", true), ("senco", "spring", true), ("senco", "summer", true)], Named("governor-report-spring"));

        // And every activity of the schedule, once, in its term, for its role.
        Assert.Equal(30, activities.Count);
        Assert.Equal(
            activities.Select(a => $"{a.Title} | {a.Role} | {a.Term} | {Iso(terms.Single(t => t.Name == a.Term).LastSchoolDay)}")
                .Order(StringComparer.Ordinal),
            tasks.Select(t => $"{t["title"]} | {t["role"]} | {TermOf(t)} | {t["dueOn"]}").Order(StringComparer.Ordinal));
        Assert.All(tasks, t => Assert.Equal(("open", "running"), ((string?)t["status"], (string?)t["state"])));
    }

    [Fact]
    public async Task ThroughTheYear_ParentsAreMetEachTerm_AndTheReportsAndActionPlanCarryWhatWasDone()
    {
        // On SEN support since the summer term of 2025-26, so the termly meeting with parents comes round in each term of 2026-27.
        await using var p = await Pathway.StartAsync("2026-06-01");
        var terms = Terms().ToDictionary(t => t.Name);
        var hermione = await PupilAsync(p, "sen-support", Names[0], "SLCN");
        var cornelius = await PupilAsync(p, "sen-support", Names[1], "SEMH");
        var isadora = await PupilAsync(p, "sen-support", Names[2], "ASD");

        // Autumn. A new concern at stage 1; the programme starts; the CPD audit's two priorities go into the action plan.
        await p.AdvanceToAsync("2026-09-07");
        var thaddeus = await PupilAsync(p, "cause-of-concern", Names[3], "MLD");
        var programme = await StartProgrammeAsync(p);
        foreach (var pupil in new[] { hermione, cornelius })
        {
            var provision = await p.Http.PostAsJsonAsync($"/api/pupils/{pupil}/provisions", new
            {
                intervention = "Precision teaching", entryCriteria = "Below expected", exitCriteria = "At expected", startsOn = "2026-09-07",
                deliveredBy = "TA",
            });
            Assert.True(provision.IsSuccessStatusCode, await provision.Content.ReadAsStringAsync());
        }
        var autumnEnd = Iso(terms["autumn"].LastSchoolDay);
        var audit = await p.Http.PutAsJsonAsync($"{School}/cpd-audit?year={Year}", new
        {
            ratings = new[]
            {
                new { statementId = "ta-5", rating = "developing", comment = "Prompting is inconsistent." },
                new { statementId = "tr-1", rating = "not yet", comment = "No transfer plan for Year 6." },
                new { statementId = "cop-2", rating = "secure", comment = "" },
            },
            priorities = new[]
            {
                new { statementId = "ta-5", action = (string?)"Prompting and scaffolding training for every TA", owner = (string?)"SENCo",
                    dueOn = (string?)autumnEnd },
                new { statementId = "tr-1", action = (string?)null, owner = (string?)null, dueOn = (string?)null },
            },
        });
        Assert.True(audit.IsSuccessStatusCode, await audit.Content.ReadAsStringAsync());
        var trainingNeeds = (await audit.Content.ReadFromJsonAsync<JsonObject>())!["trainingNeeds"]!.AsArray().Select(t => (string)t!);
        Assert.Equal(["Teaching assistants", "Transitions"], trainingNeeds);

        // The planning scrutiny finds two things to do; the office updates the register.
        await p.AdvanceToAsync("2026-09-21");
        await MonitorAsync(p, programme, "Scrutinise planning for differentiation and access for pupils with SEN",
            "Adaptations are planned in English, rarely in maths.",
            "Model adapted maths planning at a staff meeting\nThe Year 4 team plans maths with the SENCo");
        await MonitorAsync(p, programme, "Update the SEN register and the contextual grid (in line with SIMS data)", "Agrees with SIMS.");
        var plan = await PlanAsync(p);
        Assert.Equal(
        [
            $"cpd-audit | Teaching assistants: Trained in SEND skills | Prompting and scaffolding training for every TA | SENCo | {autumnEnd}",
            "cpd-audit | Transitions: Key stage transfer | Develop: Transfer between key stages. |  | ",
            "monitoring | Scrutinise planning for differentiation and access for pupils with SEN | Model adapted maths planning at a staff meeting"
                + " | senco | ",
            "monitoring | Scrutinise planning for differentiation and access for pupils with SEN | The Year 4 team plans maths with the SENCo"
                + " | senco | ",
        ], plan.Select(i => $"{i!["source"]} | {i["area"]} | {i["action"]} | {i["owner"]} | {i["dueOn"]}"));
        Assert.All(plan, i => Assert.Equal("to do", (string?)i!["status"]));
        await UpdateActionAsync(p, plan, "Prompting and scaffolding training for every TA", "in progress");

        // The parents of Hermione and Cornelius are met; Isadora's are not.
        await p.AdvanceToAsync("2026-10-14");
        await MeetParentsAsync(p, hermione, terms["autumn"], "Hermione reads with an adult every day.");
        await MeetParentsAsync(p, cornelius, terms["autumn"], "Cornelius joins the social skills group.");
        var autumn = await ParentMeetingsAsync(p);
        Assert.Equal(("autumn", Iso(YearStart), autumnEnd),
            ((string?)autumn["term"], (string?)autumn["termFrom"], (string?)autumn["termTo"]));
        // Those not met this term first; the pupil at stage 1 is not on SEN support.
        Assert.Equal([isadora, cornelius, hermione], autumn["pupils"]!.AsArray().Select(r => (string)r!["pupilId"]!));
        Assert.Equal([(false, 0), (true, 1), (true, 1)],
            autumn["pupils"]!.AsArray().Select(r => ((bool)r!["metThisTerm"]!, (int)r["meetingsThisYear"]!)));
        Assert.Equal((1, 1), ((int)autumn["notMetThisTerm"]!, (int)autumn["notMetThisYear"]!));

        await p.AdvanceToAsync("2026-11-02");
        await UpdateActionAsync(p, await PlanAsync(p), "Model adapted maths planning at a staff meeting", "done", "Staff meeting, 2 November 2026");

        await p.AdvanceToAsync("2026-12-14");
        await MeetGovernorAsync(p, programme, "autumn");
        // Nine activities fall due by the end of autumn; three are done. Thaddeus joined at stage 1 in the term.
        await GovernorReportAsync(p, "autumn", new Expected(
            new() { [1] = (0, 1), [3] = (3, 3) },
            new() { ["ASD"] = (1, 1), ["MLD"] = (0, 1), ["SEMH"] = (1, 1), ["SLCN"] = (1, 1) },
            ParentMeetings: 2, Done: 3, Outstanding: 6, Plan: (2, 1, 1, 0)));
        // The SENCo and the staff finish the term's other activities before the holiday.
        await p.AdvanceToAsync("2026-12-16");
        Assert.Equal(6, await CatchUpAsync(p, programme, terms["autumn"]));

        // Spring. Further concerns about Isadora: she moves on to SEN support with outside agencies.
        await p.AdvanceToAsync("2027-01-11");
        await p.RaiseAsync(await InstanceOfAsync(p, isadora), "concern.raised", new { concern = "Anxiety at lunchtimes." });
        await MonitorAsync(p, programme,
            "Classroom monitoring visits with the Inclusive Classroom Checklist; analyse the outcomes and share them with staff and SLT",
            "Visual timetables in every class but two.", "Visual timetables in 5 Ash and 6 Elm");
        await MonitorAsync(p, programme, "Update the SEN register and the contextual grid (in line with SIMS data)", "Agrees with SIMS.");
        Assert.Equal(5, (await PlanAsync(p)).Count);

        await p.AdvanceToAsync("2027-02-23");
        await MeetParentsAsync(p, hermione, terms["spring"], "Hermione keeps her reading group.");
        await MeetParentsAsync(p, cornelius, terms["spring"], "Cornelius stays in the social skills group.");
        var spring = await ParentMeetingsAsync(p);
        Assert.Equal("spring", (string?)spring["term"]);
        Assert.Equal([isadora, cornelius, hermione], spring["pupils"]!.AsArray().Select(r => (string)r!["pupilId"]!));
        Assert.Equal([(false, 0, 4), (true, 2, 3), (true, 2, 3)],
            spring["pupils"]!.AsArray().Select(r => ((bool)r!["metThisTerm"]!, (int)r["meetingsThisYear"]!, (int)r["stage"]!)));

        await p.AdvanceToAsync("2027-03-22");
        await MeetGovernorAsync(p, programme, "spring");
        // Nineteen activities fall due by the end of spring: autumn's nine and three of spring's ten are done.
        await GovernorReportAsync(p, "spring", new Expected(
            new() { [1] = (1, 1), [3] = (3, 2), [4] = (0, 1) },
            new() { ["ASD"] = (1, 1), ["MLD"] = (1, 1), ["SEMH"] = (1, 1), ["SLCN"] = (1, 1) },
            ParentMeetings: 2, Done: 12, Outstanding: 7, Plan: (3, 1, 1, 0)));
        await p.AdvanceToAsync("2027-03-24");
        Assert.Equal(7, await CatchUpAsync(p, programme, terms["spring"]));

        // Summer. The action plan's review adds an action; the TA training is done; the Year 4 action is dropped.
        await p.AdvanceToAsync("2027-04-19");
        await MonitorAsync(p, programme, "Review the SEN action plan and set the priorities for further development",
            "Most actions are under way.", "Train lunchtime staff in zones of regulation");
        await MonitorAsync(p, programme, "Update the SEN register and the contextual grid (in line with SIMS data)", "Agrees with SIMS.");
        plan = await PlanAsync(p);
        Assert.Equal(6, plan.Count);
        await UpdateActionAsync(p, plan, "Prompting and scaffolding training for every TA", "done", "INSET day, 19 April 2027");
        await UpdateActionAsync(p, plan, "The Year 4 team plans maths with the SENCo", "dropped", "The Year 4 team changed.");

        await p.AdvanceToAsync("2027-05-25");
        await MeetParentsAsync(p, hermione, terms["summer"], "Hermione's targets are met; new ones are set.");
        await MeetParentsAsync(p, cornelius, terms["summer"], "Cornelius moves to the Year 4 social skills group.");

        await p.AdvanceToAsync("2027-07-19");
        await MeetGovernorAsync(p, programme, "summer");
        var summer = await ParentMeetingsAsync(p);
        Assert.Equal("summer", (string?)summer["term"]);
        Assert.Equal((1, 1), ((int)summer["notMetThisTerm"]!, (int)summer["notMetThisYear"]!));
        foreach (var pupil in new[] { hermione, cornelius })
        {
            var row = Row(summer, pupil);
            Assert.Equal((true, 3), ((bool)row["metThisTerm"]!, (int)row["meetingsThisYear"]!));
            Assert.Equal(TermNames, row["meetings"]!.AsArray().Select(m => (string)m!["term"]!));
            Assert.All(row["meetings"]!.AsArray(), m => Assert.True(terms[(string)m!["term"]!].Start <= Date(m["on"])
                && Date(m["on"]) <= terms[(string)m["term"]!].End, m.ToJsonString()));
        }
        Assert.Equal((false, 0), ((bool)Row(summer, isadora)["metThisTerm"]!, (int)Row(summer, isadora)["meetingsThisYear"]!));
        Assert.DoesNotContain(summer["pupils"]!.AsArray(), r => (string?)r!["pupilId"] == thaddeus);
        // All thirty activities fall due by the end of summer: autumn's and spring's nineteen and three of summer's eleven are done.
        await GovernorReportAsync(p, "summer", new Expected(
            new() { [1] = (1, 1), [3] = (2, 2), [4] = (1, 1) },
            new() { ["ASD"] = (1, 1), ["MLD"] = (1, 1), ["SEMH"] = (1, 1), ["SLCN"] = (1, 1) },
            ParentMeetings: 2, Done: 22, Outstanding: 8, Plan: (3, 0, 2, 1)));

        // The SEN information report for the year.
        var info = (await p.Http.GetFromJsonAsync<JsonObject>($"{School}/reports/sen-information?year={Year}"))!;
        var figures = info["figures"]!.AsObject();
        Assert.Equal((3, 1, 6, 2), ((int)figures["onRegister"]!, (int)figures["monitored"]!, (int)figures["parentMeetings"]!,
            (int)figures["pupilsWhoseParentsWereMet"]!));
        Assert.Equal(["ASD 1", "SEMH 1", "SLCN 1"], figures["byNeed"]!.AsArray().Select(n => $"{(string?)n!["code"]} {(int)n["pupils"]!}"));
        Assert.Equal(["1-2 1", "3-4 3", "5 0", "6 0"], figures["byStage"]!.AsArray().Select(s => $"{(string?)s!["stages"]} {(int)s["pupils"]!}"));
        Assert.Equal(["Precision teaching 2"], figures["provision"]!.AsArray().Select(x => $"{(string?)x!["provision"]} {(int)x["pupils"]!}"));
        Assert.Equal(trainingNeeds, figures["trainingNeeds"]!.AsArray().Select(t => (string)t!));
        NoPupilNamed(info.ToJsonString());
        var text = await PdfTextAsync(p, $"{School}/reports/sen-information.pdf?year={Year}");
        Assert.Contains($"SEN information report {Year}", text, StringComparison.Ordinal);
        Assert.Contains("19 July 2027", text, StringComparison.Ordinal);
        Assert.Contains("Pupils on the SEN register by their primary need (3 in all)", text, StringComparison.Ordinal);
        Assert.All(figures["byNeed"]!.AsArray(), n => Assert.Contains($"{n!["need"]} ({n["code"]}) {n["pupils"]}", text, StringComparison.Ordinal));
        Assert.All(figures["byStage"]!.AsArray(), g => Assert.Contains($"{g!["group"]} {g["pupils"]}", text, StringComparison.Ordinal));
        Assert.Contains("Meetings with parents held 6", text, StringComparison.Ordinal);
        Assert.Contains("Pupils whose parents we met 2", text, StringComparison.Ordinal);
        Assert.Contains("Precision teaching 2", text, StringComparison.Ordinal);
        Assert.Contains("Staff training planned this year (from the SENCo's CPD audit) Area for training Teaching assistants Transitions", text,
            StringComparison.Ordinal);
        NoPupilNamed(text);
    }

    [Fact]
    public async Task AnActivityLeftOverdue_IsOutstandingOnceInTheNextTermsReport_NotAgainAsItsEscalation()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var activities = Activities();
        var programme = await StartProgrammeAsync(p);

        // Nothing is done in the autumn: its activities go overdue at the end of term and are escalated to the SENCo.
        await p.AdvanceToAsync("2027-01-11");

        Assert.Contains(await TasksAsync(p, $"instanceId={programme}&status=open"), t => (string?)t["kind"] == "escalation");
        var report = (await p.Http.GetFromJsonAsync<JsonObject>($"{School}/reports/governor?year={Year}&term=spring"))!;
        var outstanding = activities.Count(a => a.Term is "autumn" or "spring");
        Assert.Equal((0, outstanding), ((int)report["programme"]!["done"]!, (int)report["programme"]!["outstanding"]!));
        Assert.Equal(activities.Where(a => a.Term == "spring").Select(a => a.Title).Order(StringComparer.Ordinal),
            report["programme"]!["thisTerm"]!.AsArray().Select(a => (string)a!["title"]!).Order(StringComparer.Ordinal));
        var text = await PdfTextAsync(p, $"{School}/reports/governor.pdf?year={Year}&term=spring");
        Assert.Contains($"By the end of the term: 0 activities done, {outstanding} outstanding.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue since", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMonitoringActivitysFollowUps_AreCountedInTheGovernorsReport_BeforeAnyoneOpensTheActionPlan()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var programme = await StartProgrammeAsync(p);
        await p.AdvanceToAsync("2026-09-21");

        await MonitorAsync(p, programme, "Scrutinise planning for differentiation and access for pupils with SEN",
            "Adaptations are planned in English, rarely in maths.",
            "Model adapted maths planning at a staff meeting\nThe Year 4 team plans maths with the SENCo");

        // The SEN governor reads the report first: the two follow-up actions are in the plan already.
        var report = (await p.Http.GetFromJsonAsync<JsonObject>($"{School}/reports/governor?year={Year}&term=autumn"))!;
        var plan = report["actionPlan"]!.AsArray().ToDictionary(s => (string)s!["status"]!, s => (int)s!["count"]!);
        Assert.Equal(2, plan["to do"]);
        Assert.Equal(2, (await PlanAsync(p)).Count);
    }
}

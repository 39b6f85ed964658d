using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SendWorkflow.Host.Tests.Security;

/// <summary>
/// Every API endpoint, called by every role and by nobody, against the table of who may: a role that may gets past
/// the gate (any answer but 401, 403 or 404: bad input and conflicts still count as allowed), a role that may not is
/// refused (403 for its role, 404 for what is outside its scope), nobody gets 401, and nothing answers 500. The table
/// covers the LA's statutory decisions and tasks. A new endpoint fails the test until it has a row.
/// </summary>
public sealed class PermissionMatrixTests
{
    private static readonly string[] Roles = ["senco", "teacher", "ta", "head", "governor", "la", "admin"];
    private static readonly string[] SignedIn = Roles;
    private static readonly string[] SchoolLeaders = ["senco", "head", "admin"];
    private static readonly string[] Designers = ["senco", "la", "admin"];
    private static readonly string[] LaOnly = ["la", "admin"];
    private static readonly string[] AdminOnly = ["admin"];
    private static readonly string[] SeeAva = ["senco", "teacher", "ta", "head", "la", "admin"];
    private static readonly string[] AvaSchoolWork = ["senco", "teacher", "ta", "head", "admin"];
    private static readonly HashSet<string> Open =
    [
        "GET /api/health", "GET /api/health/live", "GET /api/health/ready", "POST /api/auth/token", "GET /api/calendar/{userId}/{secret}.ics",
    ];

    private sealed record Row(string Method, string Route, string Path, Func<object?>? Body, string[] Allowed);

    [Fact]
    public async Task EveryEndpoint_WithEveryRole_IsAllowedOrRefusedAsTheTableSays()
    {
        await using var w = await StaffWorld.CreateAsync();
        var admin = w.P.Http;
        // Dee is in 3 Oak at stage 1 (a class teacher's tasks); Ava's pathway asked for an assessment (the LA's work).
        (await admin.PostAsJsonAsync("/api/pupils", new { id = "dee", name = "Pupil dee", dateOfBirth = "2018-05-01", schoolId = "oakfield",
            yearGroup = 3, className = "3 Oak" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/pupils", new { id = "eve", name = "Pupil eve", dateOfBirth = "2018-05-01", schoolId = "oakfield",
            yearGroup = 3, className = "3 Oak" })).EnsureSuccessStatusCode();
        var dee = (string)(await (await admin.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = "dee" }))
            .Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        (await admin.PostAsJsonAsync($"/api/instances/{w.Pathways["ava"]}/events",
            new { name = "assessment.requested", data = new { by = "school" } })).EnsureSuccessStatusCode();
        var assessment = (string)(await admin.GetFromJsonAsync<JsonArray>("/api/pupils/ava/instances"))!
            .Single(i => (string?)i!["definitionId"] == "ehcp-assessment")!["id"]!;
        var laTask = (string)(await admin.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={assessment}&status=open"))!
            .First(t => (string?)t!["role"] == "la-officer")!["id"]!;
        var teacherTask = (string)(await admin.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={dee}&status=open&role=class-teacher"))!
            .First()!["id"]!;
        // A second task of Dee's for who holds it: the SENCo gives it to the teacher, who claims it (hers already), then release.
        var heldTask = (string)(await admin.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={dee}&status=open&role=class-teacher"))![1]!["id"]!;
        var teacherId = (string)(await w.As("teacher").GetFromJsonAsync<JsonObject>("/api/auth/me"))!["id"]!;
        var provision = (string)(await (await admin.PostAsJsonAsync("/api/pupils/ava/provisions", Provision())).Content
            .ReadFromJsonAsync<JsonObject>())!["id"]!;
        var victim = await admin.PostAsJsonAsync("/api/users", new { email = "revoked@test.example", displayName = "Revoked",
            role = "class-teacher", schoolId = "oakfield", classes = "3 Oak", password = StaffWorld.Password });
        var victimId = (string)(await victim.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var target = (string)(await (await admin.PostAsJsonAsync("/api/pupils/ava/targets", Target())).Content
            .ReadFromJsonAsync<JsonObject>())!["id"]!;
        var parentLink = (string)(await (await admin.PostAsJsonAsync("/api/pupils/ava/parent-links", new { form = "parent-voice" })).Content
            .ReadFromJsonAsync<JsonObject>())!["id"]!;
        var action = (string)(await (await admin.PostAsJsonAsync("/api/schools/oakfield/action-plan",
            new { area = "Interventions", action = "Exit criteria" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        // An MIS export of one pupil, previewed: its import is applied and its leavers confirmed below.
        var misImport = (string)(await (await admin.PostAsync("/api/schools/oakfield/imports", new StringContent(
            "UPN,Legal Surname,Legal Forename,DOB,Year\r\nA123456789012,Matrix,Mo,01/05/2018,3\r\n", Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        // An SEN audit of Oakfield, scheduled (its day and team not fixed): its feedback and report come later (409 for who may).
        var senAudit = (string)(await (await admin.PostAsJsonAsync("/api/boroughs/demo-borough/sen-audits", new { schoolId = "oakfield" }))
            .Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var pathway = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Definitions, "workflows", "send-pathway.json")));
        var imported = pathway!.DeepClone();
        imported["id"] = "matrix-import";
        // A copy of the pathway with two published versions of the default variant and Eve moved from the first to the second.
        var moving = pathway.DeepClone();
        moving["id"] = "matrix-move";
        (await admin.PostAsJsonAsync("/api/definitions/import?publish=true", moving)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/instances", new { definitionId = "matrix-move", pupilId = "eve" })).EnsureSuccessStatusCode();
        moving["name"] = "Matrix move, version 2";
        (await admin.PostAsJsonAsync("/api/definitions/import?publish=true", moving)).EnsureSuccessStatusCode();
        var move = (string)(await (await admin.PostAsJsonAsync("/api/definitions/matrix-move/migrations",
            new { fromVersion = 1, toVersion = 2, dryRun = false })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        // A Play scenario "matrix" in each designer's own variant (the SENCo's school's, the LA officer's borough's, the default).
        foreach (var variant in new[] { "school:oakfield", "borough:demo-borough", "" })
        {
            var trial = (string)(await (await admin.PostAsJsonAsync($"/api/definitions/send-pathway/play?scope={variant}", new { }))
                .Content.ReadFromJsonAsync<JsonObject>())!["sessionId"]!;
            (await admin.PostAsJsonAsync($"/api/definitions/send-pathway/play/{trial}/steps", new { kind = "days", days = 1 }))
                .EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/definitions/send-pathway/scenarios?scope={variant}", new { sessionId = trial, name = "matrix" }))
                .EnsureSuccessStatusCode();
        }
        // A session nobody has: who may try drafts is told it has ended (410), who may not is refused first.
        var noSession = $"/api/definitions/send-pathway/play/{Guid.NewGuid()}";

        Row[] table =
        [
            new("GET", "/api/health", "/api/health", null, SignedIn),
            new("GET", "/api/health/live", "/api/health/live", null, SignedIn),
            new("GET", "/api/health/ready", "/api/health/ready", null, SignedIn),
            new("POST", "/api/auth/token", "/api/auth/token", () => new { email = "nobody@test.example", password = "wrong" }, []),
            new("GET", "/api/auth/me", "/api/auth/me", null, SignedIn),
            new("POST", "/api/users", "/api/users", () => new { email = $"{Guid.NewGuid():N}@test.example", displayName = "New",
                role = "class-teacher", schoolId = "oakfield", classes = "3 Oak", password = StaffWorld.Password }, AdminOnly),
            new("POST", "/api/me/calendar/reset", "/api/me/calendar/reset", () => new { }, SignedIn),
            new("GET", "/api/audit", "/api/audit", null, ["senco", "admin"]),
            new("GET", "/api/inbox", "/api/inbox", null, SignedIn),
            new("GET", "/api/calendar/{userId}/{secret}.ics", "/api/calendar/nobody/wrong.ics", null, []),
            new("GET", "/api/schools/{schoolId}/figures", "/api/schools/oakfield/figures", null, ["senco", "head", "governor", "admin"]),
            new("GET", "/api/schools/{id}/programmes", "/api/schools/oakfield/programmes", null,
                ["senco", "teacher", "ta", "head", "governor", "admin"]),
            new("POST", "/api/schools/{id}/programmes", "/api/schools/oakfield/programmes",
                () => new { definitionId = "senco-monitoring", academicYear = "2026-27" }, SchoolLeaders),
            new("GET", "/api/schools/{id}/action-plan", "/api/schools/oakfield/action-plan", null, ["senco", "head", "governor", "admin"]),
            new("GET", "/api/schools/{id}/reports/governor", "/api/schools/oakfield/reports/governor?year=2026-27&term=autumn", null,
                ["senco", "head", "governor", "admin"]),
            new("GET", "/api/schools/{id}/reports/governor.pdf", "/api/schools/oakfield/reports/governor.pdf?year=2026-27&term=autumn", null,
                ["senco", "head", "governor", "admin"]),
            new("POST", "/api/schools/{id}/action-plan", "/api/schools/oakfield/action-plan",
                () => new { area = "Interventions", action = "Entry criteria" }, SchoolLeaders),
            new("PUT", "/api/action-plan/{itemId:guid}", $"/api/action-plan/{action}", () => new { status = "in progress" }, SchoolLeaders),
            // The self-review: the school's leaders and the borough's officers see it; the EP (not a role of this table) records the
            // meeting, which an administrator may too (409 here: the self-review is not complete); SelfReviewTests covers the EP.
            new("GET", "/api/schools/{id}/self-review", "/api/schools/oakfield/self-review", null, ["senco", "head", "la", "admin"]),
            new("GET", "/api/schools/{id}/self-review/{year}", "/api/schools/oakfield/self-review/2026-27", null, ["senco", "head", "la", "admin"]),
            new("PUT", "/api/schools/{id}/self-review/{year}", "/api/schools/oakfield/self-review/2026-27",
                () => new { levels = new[] { new { descriptorId = "achievement-1", level = 3, evidence = "Matrix" } } }, SchoolLeaders),
            new("PUT", "/api/schools/{id}/self-review/{year}/meeting", "/api/schools/oakfield/self-review/2026-27/meeting",
                () => new { heldOn = "2026-09-01", notes = new[] { new { dimensionId = "achievement", notes = "Matrix" } } }, AdminOnly),
            new("PUT", "/api/schools/{id}/self-review/{year}/work-plan", "/api/schools/oakfield/self-review/2026-27/work-plan",
                () => new { lines = new[] { new { area = "Matrix", action = "Matrix" } } }, SchoolLeaders),
            new("PUT", "/api/schools/{id}/self-review/{year}/work-plan/review", "/api/schools/oakfield/self-review/2026-27/work-plan/review",
                () => new { reviewedOn = "2026-09-01" }, SchoolLeaders),
            new("GET", "/api/boroughs/{id}/self-reviews", "/api/boroughs/demo-borough/self-reviews", null, LaOnly),
            new("GET", "/api/boroughs/{id}/educational-psychologists", "/api/boroughs/demo-borough/educational-psychologists", null, LaOnly),
            new("GET", "/api/boroughs/{id}/educational-psychologists/candidates",
                "/api/boroughs/demo-borough/educational-psychologists/candidates", null, LaOnly),
            new("PUT", "/api/boroughs/{id}/schools/{schoolId}/educational-psychologist",
                "/api/boroughs/demo-borough/schools/oakfield/educational-psychologist", () => new { userId = "nobody" }, LaOnly),
            new("DELETE", "/api/boroughs/{id}/schools/{schoolId}/educational-psychologist",
                "/api/boroughs/demo-borough/schools/oakfield/educational-psychologist", null, LaOnly),
            new("POST", "/api/boroughs/{id}/programmes", "/api/boroughs/demo-borough/programmes", () => new { }, LaOnly),
            new("GET", "/api/schools/{id}/cpd-audit", "/api/schools/oakfield/cpd-audit?year=2026-27", null, SchoolLeaders),
            new("PUT", "/api/schools/{id}/cpd-audit", "/api/schools/oakfield/cpd-audit?year=2026-27",
                () => new { ratings = new[] { new { statementId = "ta-1", rating = "secure", comment = "Matrix" } } }, SchoolLeaders),
            // SEN funding: the borough's LA officer records allocations and reads the report; the school's leaders send the plan and
            // the outturn (400 with no allocation, 409 before March: past the gate); its leaders and its borough's officer read it.
            new("PUT", "/api/boroughs/{boroughId}/funding/{year}/schools/{schoolId}/allocation",
                "/api/boroughs/demo-borough/funding/2026-27/schools/oakfield/allocation", () => new { notionalSenBudget = 1000m }, LaOnly),
            new("GET", "/api/boroughs/{boroughId}/funding/{year}", "/api/boroughs/demo-borough/funding/2026-27", null, LaOnly),
            new("GET", "/api/boroughs/{boroughId}/funding/{year}/report.csv", "/api/boroughs/demo-borough/funding/2026-27/report.csv", null,
                LaOnly),
            new("GET", "/api/boroughs/{boroughId}/funding/{year}/report.pdf", "/api/boroughs/demo-borough/funding/2026-27/report.pdf", null,
                LaOnly),
            new("GET", "/api/schools/{schoolId}/funding/{year}", "/api/schools/oakfield/funding/2026-27", null, ["senco", "head", "la", "admin"]),
            new("PUT", "/api/schools/{schoolId}/funding/{year}/plan", "/api/schools/oakfield/funding/2026-27/plan",
                () => new { lines = new[] { new { heading = "staff", description = "Matrix", amount = 1m } } }, SchoolLeaders),
            new("GET", "/api/schools/{schoolId}/funding/{year}/outturn/draft", "/api/schools/oakfield/funding/2026-27/outturn/draft", null,
                SchoolLeaders),
            new("PUT", "/api/schools/{schoolId}/funding/{year}/outturn", "/api/schools/oakfield/funding/2026-27/outturn",
                () => new { lines = new[] { new { heading = "staff", description = "Matrix", amount = 1m } } }, SchoolLeaders),
            new("GET", "/api/schools/{id}/reports/sen-information", "/api/schools/oakfield/reports/sen-information?year=2026-27", null,
                SchoolLeaders),
            new("GET", "/api/schools/{id}/reports/sen-information.html", "/api/schools/oakfield/reports/sen-information.html?year=2026-27",
                null, SchoolLeaders),
            new("GET", "/api/schools/{id}/reports/sen-information.pdf", "/api/schools/oakfield/reports/sen-information.pdf?year=2026-27",
                null, SchoolLeaders),
            new("PUT", "/api/schools/{id}/reports/sen-information/sections/{sectionId}",
                "/api/schools/oakfield/reports/sen-information/sections/complaints?year=2026-27", () => new { text = "Matrix" }, SchoolLeaders),
            new("GET", "/api/schools/{id}/parent-meetings", "/api/schools/oakfield/parent-meetings?year=2026-27", null, SchoolLeaders),
            new("GET", "/api/schools/{schoolId}/sen-register", "/api/schools/oakfield/sen-register", null, SchoolLeaders),
            new("GET", "/api/schools/{schoolId}/sen-register.csv", "/api/schools/oakfield/sen-register.csv", null, SchoolLeaders),
            new("GET", "/api/schools/{schoolId}/sen-register.xlsx", "/api/schools/oakfield/sen-register.xlsx", null, SchoolLeaders),
            new("GET", "/api/schools/{schoolId}/overdue-reviews", "/api/schools/oakfield/overdue-reviews", null, SchoolLeaders),
            new("GET", "/api/schools/{schoolId}/overdue-reviews.csv", "/api/schools/oakfield/overdue-reviews.csv", null, SchoolLeaders),
            new("GET", "/api/schools/{schoolId}/overdue-reviews.xlsx", "/api/schools/oakfield/overdue-reviews.xlsx", null, SchoolLeaders),
            new("GET", "/api/schools/{schoolId}/provision-map", "/api/schools/oakfield/provision-map", null, SchoolLeaders),
            new("GET", "/api/schools/{schoolId}/provision-map.csv", "/api/schools/oakfield/provision-map.csv", null, SchoolLeaders),
            new("GET", "/api/schools/{schoolId}/provision-map.xlsx", "/api/schools/oakfield/provision-map.xlsx", null, SchoolLeaders),
            new("POST", "/api/schools/{id}/imports", "/api/schools/oakfield/imports", () => new { }, SchoolLeaders),
            new("GET", "/api/schools/{id}/imports/{importId:guid}", $"/api/schools/oakfield/imports/{misImport}", null, SchoolLeaders),
            new("POST", "/api/schools/{id}/imports/{importId:guid}/apply", $"/api/schools/oakfield/imports/{misImport}/apply", () => new { },
                SchoolLeaders),
            new("POST", "/api/schools/{id}/imports/{importId:guid}/leavers/close", $"/api/schools/oakfield/imports/{misImport}/leavers/close",
                () => new { }, SchoolLeaders),
            new("GET", "/api/pupils/{pupilId}/record", "/api/pupils/ava/record", null, SeeAva),
            new("GET", "/api/pupils/{pupilId}/transition-pack.pdf", "/api/pupils/ava/transition-pack.pdf", null,
                ["senco", "teacher", "head", "admin"]),
            new("POST", "/api/pupils/{pupilId}/provisions", "/api/pupils/ava/provisions", () => Provision(), ["senco", "teacher", "head", "admin"]),
            new("PUT", "/api/provisions/{id:guid}", $"/api/provisions/{provision}", () => new { impact = "Better" },
                ["senco", "teacher", "head", "admin"]),
            new("GET", "/api/pupils/{pupilId}/ipm", "/api/pupils/ava/ipm", null, ["senco", "teacher", "ta", "head", "admin"]),
            new("POST", "/api/pupils/{pupilId}/targets", "/api/pupils/ava/targets", () => Target(), ["senco", "teacher", "head", "admin"]),
            new("PUT", "/api/targets/{id:guid}", $"/api/targets/{target}", () => new { text = "Reads 20 tricky words" },
                ["senco", "teacher", "head", "admin"]),
            // The SENCo, Ava's class teacher, the head: a link for her parents (the DELETE revokes it once, then answers as it is).
            new("POST", "/api/pupils/{pupilId}/parent-links", "/api/pupils/ava/parent-links", () => new { form = "parent-voice" },
                ["senco", "teacher", "head", "admin"]),
            new("GET", "/api/pupils/{pupilId}/parent-links", "/api/pupils/ava/parent-links", null, ["senco", "teacher", "head", "admin"]),
            new("DELETE", "/api/pupils/{pupilId}/parent-links/{linkId:guid}", $"/api/pupils/ava/parent-links/{parentLink}", null,
                ["senco", "teacher", "head", "admin"]),
            new("GET", "/api/schools/{id}/line-management", "/api/schools/oakfield/line-management", null, ["senco", "head", "admin"]),
            new("GET", "/api/definitions", "/api/definitions", null, SignedIn),
            new("GET", "/api/definitions/{id}", "/api/definitions/send-pathway", null, SignedIn),
            new("GET", "/api/definitions/{id}/versions", "/api/definitions/send-pathway/versions", null, SignedIn),
            new("PUT", "/api/definitions/{id}/draft", "/api/definitions/send-pathway/draft", () => pathway, Designers),
            new("POST", "/api/definitions/{id}/publish", "/api/definitions/send-pathway/publish", () => new { }, Designers),
            new("POST", "/api/definitions/{id}/revert/{version:int}", "/api/definitions/send-pathway/revert/1", () => new { }, Designers),
            new("GET", "/api/definitions/{id}/export", "/api/definitions/send-pathway/export", null, SignedIn),
            new("POST", "/api/definitions/import", "/api/definitions/import", () => imported, Designers),
            new("POST", "/api/definitions/validate", "/api/definitions/validate", () => pathway, SignedIn),
            // Moving pupils between versions: whoever may publish the target's variant (here the default: the administrator).
            new("POST", "/api/definitions/{id}/migrations", "/api/definitions/matrix-move/migrations",
                () => new { fromVersion = 1, toVersion = 2, dryRun = true }, AdminOnly),
            new("GET", "/api/definitions/{id}/migrations", "/api/definitions/matrix-move/migrations", null, Designers),
            new("GET", "/api/definitions/{id}/migrations/{migrationId:guid}", $"/api/definitions/matrix-move/migrations/{move}", null,
                AdminOnly),
            new("POST", "/api/definitions/{id}/migrations/{migrationId:guid}/resume", $"/api/definitions/matrix-move/migrations/{move}/resume",
                () => new { }, AdminOnly),
            new("POST", "/api/definitions/{id}/play", "/api/definitions/send-pathway/play", () => new { }, Designers),
            new("GET", "/api/definitions/{id}/play/{sessionId:guid}", noSession, null, Designers),
            new("POST", "/api/definitions/{id}/play/{sessionId:guid}/steps", $"{noSession}/steps", () => new { kind = "days", days = 1 }, Designers),
            new("DELETE", "/api/definitions/{id}/play/{sessionId:guid}", noSession, null, Designers),
            new("GET", "/api/definitions/{id}/scenarios", "/api/definitions/send-pathway/scenarios", null, Designers),
            new("POST", "/api/definitions/{id}/scenarios", "/api/definitions/send-pathway/scenarios",
                () => new { sessionId = Guid.NewGuid(), name = "never" }, Designers),
            new("POST", "/api/definitions/{id}/scenarios/{name}/replay", "/api/definitions/send-pathway/scenarios/matrix/replay", () => new { },
                Designers),
            // Each designer renames the scenario of their own variant, then deletes it.
            new("POST", "/api/definitions/{id}/scenarios/{name}/rename", "/api/definitions/send-pathway/scenarios/matrix/rename",
                () => new { name = "matrix 2" }, Designers),
            new("DELETE", "/api/definitions/{id}/scenarios/{name}", "/api/definitions/send-pathway/scenarios/matrix 2", null, Designers),
            new("GET", "/api/definitions/{id}/flow", "/api/definitions/send-pathway/flow?from=2026-09-01&to=2026-12-31", null,
                ["senco", "head", "la", "admin"]),
            new("GET", "/api/schools/{schoolId}/pathway-stages", "/api/schools/oakfield/pathway-stages", null,
                ["senco", "head", "governor", "admin"]),
            new("GET", "/api/boroughs/{boroughId}/compliance/monthly", "/api/boroughs/demo-borough/compliance/monthly", null, LaOnly),
            new("POST", "/api/rules/check", "/api/rules/check", () => new { expression = "facts.Stage == 1" }, SignedIn),
            new("POST", "/api/boroughs", "/api/boroughs", () => new { id = $"b-{Guid.NewGuid():N}"[..20], name = "New" }, AdminOnly),
            new("GET", "/api/boroughs/{id}", "/api/boroughs/demo-borough", null, SignedIn),
            new("POST", "/api/schools", "/api/schools", () => new { id = $"s-{Guid.NewGuid():N}"[..20], name = "New", boroughId = "north" },
                AdminOnly),
            new("GET", "/api/schools/{id}", "/api/schools/oakfield", null, SignedIn),
            new("PUT", "/api/schools/{id}", "/api/schools/oakfield", () => new { phase = "primary" }, AdminOnly),
            new("POST", "/api/pupils", "/api/pupils", () => new { name = "New Pupil", dateOfBirth = "2018-05-01", schoolId = "oakfield",
                yearGroup = 3 }, SchoolLeaders),
            new("GET", "/api/pupils/{id}", "/api/pupils/ava", null, SeeAva),
            new("PUT", "/api/pupils/{id}", "/api/pupils/ava", () => new { className = "3 Oak" }, SchoolLeaders),
            new("POST", "/api/instances", "/api/instances", () => new { definitionId = "send-pathway", pupilId = "eve" }, AvaSchoolWork),
            new("GET", "/api/instances/{id:guid}", $"/api/instances/{dee}", null, AvaSchoolWork),
            new("GET", "/api/instances/{id:guid}/journal", $"/api/instances/{dee}/journal", null, AvaSchoolWork),
            new("GET", "/api/instances/{id:guid}/explain", $"/api/instances/{dee}/explain", null, AvaSchoolWork),
            new("POST", "/api/instances/{id:guid}/events", $"/api/instances/{dee}/events",
                () => new { name = "concern.raised", data = new { concern = "Reading" } }, AvaSchoolWork),
            // The LA's statutory decision: school staff see the case but may not decide it.
            new("POST", "/api/instances/{id:guid}/events#statutory", $"/api/instances/{assessment}/events",
                () => new { name = "plan.decided", data = new { issue = false, decidedOn = "2026-10-12", decidedBy = "Someone" } }, LaOnly),
            new("GET", "/api/pupils/{pupilId}/instances", "/api/pupils/ava/instances", null, SeeAva),
            new("GET", "/api/tasks", "/api/tasks", null, SignedIn),
            new("GET", "/api/tasks/{id:guid}", $"/api/tasks/{laTask}", null, SeeAva),
            new("GET", "/api/tasks/{id:guid}/form", $"/api/tasks/{laTask}/form", null, SeeAva),
            // Not a meeting with parents: 409 for whoever may see the task, 404 for the rest.
            new("GET", "/api/tasks/{id:guid}/letter.pdf", $"/api/tasks/{laTask}/letter.pdf", null, SeeAva),
            // The LA's task: only the LA completes it; a class teacher's task: the teacher or the SENCo.
            new("POST", "/api/tasks/{id:guid}/complete", $"/api/tasks/{laTask}/complete", () => new { notes = "Done" }, LaOnly),
            new("POST", "/api/tasks/{id:guid}/complete#school", $"/api/tasks/{teacherTask}/complete", () => new { notes = "Done" },
                ["senco", "teacher", "admin"]),
            new("POST", "/api/tasks/{id:guid}/assign", $"/api/tasks/{heldTask}/assign", () => new { userId = teacherId }, SchoolLeaders),
            new("GET", "/api/tasks/{id:guid}/candidates", $"/api/tasks/{heldTask}/candidates", null, SchoolLeaders),
            new("POST", "/api/tasks/{id:guid}/claim", $"/api/tasks/{heldTask}/claim", () => new { }, ["teacher"]),
            // Whoever may assign, or is of the task's role: the SENCo releases it, then it is no one's (409 for the others).
            new("POST", "/api/tasks/{id:guid}/release", $"/api/tasks/{heldTask}/release", () => new { }, ["senco", "teacher", "head", "admin"]),
            new("GET", "/api/me/inbox-filters", "/api/me/inbox-filters", null, SeeAva),
            new("PUT", "/api/me/inbox-filters/{name}", "/api/me/inbox-filters/Overdue", () => new { queue = "attention" }, SeeAva),
            new("DELETE", "/api/me/inbox-filters/{name}", "/api/me/inbox-filters/Overdue", null, SeeAva),
            // Email settings are a person's with work to be reminded of (a governor has none); the bootstrap token has no account.
            new("GET", "/api/me/settings", "/api/me/settings", null, SeeAva),
            new("PUT", "/api/me/settings", "/api/me/settings", () => new { digest = true }, SeeAva),
            new("GET", "/api/clock", "/api/clock", null, SignedIn),
            new("POST", "/api/clock/advance", "/api/clock/advance", () => new { days = 0 }, AdminOnly),
            new("GET", "/api/boroughs/{boroughId}/parameters", "/api/boroughs/demo-borough/parameters", null, LaOnly),
            new("PUT", "/api/boroughs/{boroughId}/parameters", "/api/boroughs/demo-borough/parameters",
                () => new { parameters = new { }, changedBy = "Matrix", note = "No change" }, LaOnly),
            new("GET", "/api/boroughs/{boroughId}/parameters/history", "/api/boroughs/demo-borough/parameters/history", null, LaOnly),
            new("POST", "/api/boroughs/{boroughId}/parameters/apply", "/api/boroughs/demo-borough/parameters/apply",
                () => new { appliedBy = "Matrix" }, LaOnly),
            new("GET", "/api/boroughs/{boroughId}/assessments", "/api/boroughs/demo-borough/assessments", null, LaOnly),
            new("GET", "/api/boroughs/{id}/sen-audits", "/api/boroughs/demo-borough/sen-audits", null, LaOnly),
            new("GET", "/api/boroughs/{id}/sen-audits/summary", "/api/boroughs/demo-borough/sen-audits/summary", null, LaOnly),
            new("GET", "/api/boroughs/{id}/sen-audits/team-candidates", "/api/boroughs/demo-borough/sen-audits/team-candidates", null, LaOnly),
            new("POST", "/api/boroughs/{id}/sen-audits", "/api/boroughs/demo-borough/sen-audits", () => new { schoolId = "oakfield" }, LaOnly),
            new("GET", "/api/schools/{id}/sen-audits", "/api/schools/oakfield/sen-audits", null, SchoolLeaders),
            new("GET", "/api/sen-audits", "/api/sen-audits", null, ["senco", "head", "la", "admin"]),
            new("GET", "/api/sen-audits/{auditId:guid}", $"/api/sen-audits/{senAudit}", null, ["senco", "head", "la", "admin"]),
            new("PUT", "/api/sen-audits/{auditId:guid}/team", $"/api/sen-audits/{senAudit}/team", () => new { }, LaOnly),
            new("POST", "/api/sen-audits/{auditId:guid}/draw", $"/api/sen-audits/{senAudit}/draw", () => new { }, LaOnly),
            new("POST", "/api/sen-audits/{auditId:guid}/feedback", $"/api/sen-audits/{senAudit}/feedback",
                () => new { verbalFeedback = "Good", provisionNotes = "Clear", budgetNotes = "Spent on TAs" }, LaOnly),
            new("POST", "/api/sen-audits/{auditId:guid}/report", $"/api/sen-audits/{senAudit}/report", () => new { findings = "Sound" }, LaOnly),
            new("GET", "/api/sen-audits/{auditId:guid}/report.pdf", $"/api/sen-audits/{senAudit}/report.pdf", null,
                ["senco", "head", "la", "admin"]),
            new("GET", "/api/boroughs/{boroughId}/annual-reviews", "/api/boroughs/demo-borough/annual-reviews?status=late", null, LaOnly),
            new("GET", "/api/boroughs/{boroughId}/annual-reviews.csv", "/api/boroughs/demo-borough/annual-reviews.csv", null, LaOnly),
            new("GET", "/api/boroughs/{boroughId}/annual-reviews/summary", "/api/boroughs/demo-borough/annual-reviews/summary", null,
                LaOnly),
            new("GET", "/api/boroughs/{boroughId}/overview", "/api/boroughs/demo-borough/overview", null, LaOnly),
            new("GET", "/api/boroughs/{boroughId}/compliance", "/api/boroughs/demo-borough/compliance?from=2026-09-01&to=2027-08-31", null,
                LaOnly),
            new("GET", "/api/compliance", "/api/compliance?from=2026-09-01&to=2027-08-31", null, LaOnly),
            new("GET", "/api/compliance/sen2.csv", "/api/compliance/sen2.csv?from=2026-09-01&to=2027-08-31", null, LaOnly),
            new("GET", "/api/instances/{id:guid}/exceptions", $"/api/instances/{assessment}/exceptions", null, LaOnly),
            new("GET", "/api/instances/{id:guid}/appeals", $"/api/instances/{assessment}/appeals", null, SeeAva),
            new("GET", "/api/instances/{id:guid}/appeals/{decision}/letter.pdf", $"/api/instances/{assessment}/appeals/final-plan/letter.pdf",
                null, LaOnly),
            new("POST", "/api/instances/{id:guid}/mediation-certificates", $"/api/instances/{assessment}/mediation-certificates",
                () => new { }, LaOnly),
            new("GET", "/api/boroughs/{boroughId}/appeals", "/api/boroughs/demo-borough/appeals", null, LaOnly),
            new("POST", "/api/instances/{id:guid}/exceptions", $"/api/instances/{assessment}/exceptions", () => new { }, LaOnly),
            new("POST", "/api/users/{id}/revoke", $"/api/users/{victimId}/revoke", () => new { }, AdminOnly),
            new("POST", "/api/me/password", "/api/me/password", () => new { current = "not-it", @new = "Another-horse-2" }, SignedIn),
            // Last: signing out ends each role's token.
            new("POST", "/api/auth/signout", "/api/auth/signout", () => new { }, SignedIn),
        ];

        var endpoints = w.P.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();
        var covered = table.Select(r => $"{r.Method} {r.Route.Split('#')[0]}").ToHashSet();
        Assert.True(endpoints.IsSubsetOf(covered),
            $"Endpoints without a row in the table: {string.Join(", ", endpoints.Except(covered).Order(StringComparer.Ordinal))}");

        var wrong = new List<string>();
        foreach (var row in table)
        {
            foreach (var who in Roles.Prepend("nobody"))
            {
                using var client = who == "nobody" ? w.P.Factory.CreateAnonymousClient() : w.As(who);
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path);
                if (row.Body is not null) request.Content = JsonContent.Create(row.Body());
                var status = (await client.SendAsync(request)).StatusCode;
                var open = Open.Contains($"{row.Method} {row.Route}");
                var refused = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
                var ok = status != HttpStatusCode.InternalServerError && (open
                    ? status != HttpStatusCode.Forbidden
                    : who == "nobody" ? status == HttpStatusCode.Unauthorized
                    : row.Allowed.Contains(who) ? !refused
                    : status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
                if (!ok) wrong.Add($"{row.Method} {row.Path} as {who}: {(int)status}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static object Target() => new { text = "Reads 10 tricky words", successCriteria = "Reads them in a book, unaided" };

    private static object Provision() => new
    {
        intervention = "Reading group", entryCriteria = "Reading age 2 years behind", exitCriteria = "Reading age within 6 months",
        startsOn = "2026-10-12", deliveredBy = "TA",
    };
}

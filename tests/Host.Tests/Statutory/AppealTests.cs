using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Statutory;

/// <summary>
/// The family's window to appeal (issue 14, point 6): 2 months from the decision letter, or 1 month from a mediation
/// certificate if later; a date on the case, in the borough's list while it is open, and in the decision letter.
/// </summary>
public class AppealTests : ProviderSuite
{
    private const string Request = "2026-10-12";

    private static async Task<(string Pathway, string Assessment)> AssessmentAsync(Pathway p)
    {
        var pathway = (string)(await p.StartPupilAsync())["id"]!;
        await p.RaiseAsync(pathway, "assessment.requested", new { by = "parent", requestedOn = Request });
        return (pathway, (string)(await p.ChildAsync(pathway, "ehcp-assessment"))["id"]!);
    }

    private static async Task<HttpClient> OfficerAsync(Pathway p)
    {
        (await p.Http.PostAsJsonAsync("/api/users", new { email = "officer@test.example", displayName = "Lee Officer", role = "la-officer",
            boroughId = "demo-borough", password = Pathway.StaffPassword })).EnsureSuccessStatusCode();
        return await p.SignInAsync("officer");
    }

    private static async Task<JsonArray> AppealsAsync(HttpClient client, string instance) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/instances/{instance}/appeals"))!;

    [Fact]
    public async Task ADecisionNotToAssess_RecordedAWeekLate_GivesTwoMonthsFromItsLetter_AndAMediationCertificateExtendsIt()
    {
        await using var p = await StartAsync(Request);
        var (_, assessment) = await AssessmentAsync(p);
        Assert.Empty(await AppealsAsync(p.Http, assessment));

        // Decided on 16 November, recorded on the 23rd: the window counts from the letter of the 16th.
        await p.AdvanceToAsync("2026-11-23");
        await p.RaiseAsync(assessment, "assessment.decided", new { assess = false, decidedOn = "2026-11-16", decidedBy = "A. Officer" });
        var window = Assert.Single(await AppealsAsync(p.Http, assessment))!;
        Assert.Equal(("decision-to-assess", "2026-11-16", "2027-01-16", true),
            ((string?)window["decision"], (string?)window["letterOn"], (string?)window["appealBy"], (bool)window["open"]!));
        Assert.Contains("not to carry out an EHC needs assessment", (string?)window["words"]);

        // The LA officer sees it among the borough's open windows, with the pupil's case.
        var la = await OfficerAsync(p);
        var open = Assert.Single((await la.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/appeals"))!)!;
        Assert.Equal(assessment, (string?)open["window"]!["instanceId"]);
        Assert.Equal("2027-01-16", (string?)open["window"]!["appealBy"]);

        // The letter says the decision, its date and the last day to appeal.
        var letter = await la.GetAsync($"/api/instances/{assessment}/appeals/decision-to-assess/letter.pdf");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        var text = Pdf.Text(await letter.Content.ReadAsByteArrayAsync());
        Assert.Contains("the decision not to carry out an EHC needs assessment, made on 16 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("by 16 January 2027", text, StringComparison.Ordinal);

        // A mediation certificate of 5 January gives a month from it: 5 February, later than 16 January.
        await p.AdvanceToAsync("2027-01-06");
        la = await p.SignInAsync("officer");
        var recorded = await la.PostAsJsonAsync($"/api/instances/{assessment}/mediation-certificates",
            new { decision = "decision-to-assess", issuedOn = "2027-01-05", recordedBy = "Lee Officer" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        window = Assert.Single(await AppealsAsync(la, assessment))!;
        Assert.Equal(("2027-01-05", "2027-02-05"), ((string?)window["mediationCertificateOn"], (string?)window["appealBy"]));
        Assert.Contains("by 5 February 2027",
            Pdf.Text(await la.GetByteArrayAsync($"/api/instances/{assessment}/appeals/decision-to-assess/letter.pdf")), StringComparison.Ordinal);

        // After it, the window is closed and leaves the borough's list; the case keeps the date.
        await p.AdvanceToAsync("2027-02-08");
        la = await p.SignInAsync("officer");
        Assert.Empty((await la.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/appeals"))!);
        window = Assert.Single(await AppealsAsync(la, assessment))!;
        Assert.Equal(("2027-02-05", false), ((string?)window["appealBy"], (bool)window["open"]!));
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=change"))!;
        Assert.Contains(audit, a => (string?)a!["resource"] == "mediation-certificate" && (string?)a["resourceId"] == assessment);
    }

    [Fact]
    public async Task AFinalPlan_AndAnAmendedPlan_EachOpenAWindow_WhileAPlanDecidedAtWeek19IsOnlyAppealableOnceIssued()
    {
        await using var p = await StartAsync(Request);
        var (_, assessment) = await AssessmentAsync(p);
        await p.AdvanceToAsync("2026-11-16");
        await p.RaiseAsync(assessment, "assessment.decided", new { assess = true, decidedOn = "2026-11-16", decidedBy = "A. Officer" });
        await p.AdvanceToAsync("2027-01-11");
        await p.RaiseAsync(assessment, "plan.decided", new { issue = true, decidedOn = "2027-01-11", decidedBy = "SEN panel" });
        // Deciding to assess and to issue are not appealable: nothing yet.
        Assert.Empty(await AppealsAsync(p.Http, assessment));
        var la = await OfficerAsync(p);
        Assert.Equal(HttpStatusCode.Conflict, (await la.GetAsync($"/api/instances/{assessment}/appeals/final-plan/letter.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await la.GetAsync($"/api/instances/{assessment}/appeals/amended-plan/letter.pdf")).StatusCode);

        await p.AdvanceToAsync("2027-02-15");
        await p.RaiseAsync(assessment, "plan.issued", new { issuedOn = "2027-02-12", issuedBy = "A. Officer" });
        var window = Assert.Single(await AppealsAsync(p.Http, assessment))!;
        Assert.Equal(("final-plan", "2027-02-12", "2027-04-12"),
            ((string?)window["decision"], (string?)window["letterOn"], (string?)window["appealBy"]));
        // The school sees the date on its pupil's case too; a governor does not see the case.
        var senco = await p.StaffAsync("senco", "senco", "Sam Patel");
        Assert.Single(await AppealsAsync(senco, assessment));
        var governor = await p.StaffAsync("gov", "governor", "Gill Governor");
        Assert.Equal(HttpStatusCode.NotFound, (await governor.GetAsync($"/api/instances/{assessment}/appeals")).StatusCode);
    }

    [Fact]
    public async Task ACertificateForNoSuchDecision_BeforeTheLetter_OrInTheFuture_IsRefusedWithEveryProblem_AndNothingIsRecorded()
    {
        await using var p = await StartAsync(Request);
        var (_, assessment) = await AssessmentAsync(p);
        await p.AdvanceToAsync("2026-11-23");
        await p.RaiseAsync(assessment, "assessment.decided", new { assess = false, decidedOn = "2026-11-16", decidedBy = "A. Officer" });
        var la = await OfficerAsync(p);

        var unknown = await Pathway.ProblemAsync(await la.PostAsJsonAsync($"/api/instances/{assessment}/mediation-certificates",
            new { decision = "final-plan", issuedOn = "2026-12-31", recordedBy = " " }), HttpStatusCode.BadRequest);
        Assert.Equal(["decision", "issuedOn", "recordedBy"], Fields(unknown));
        var early = await Pathway.ProblemAsync(await la.PostAsJsonAsync($"/api/instances/{assessment}/mediation-certificates",
            new { decision = "decision-to-assess", issuedOn = "2026-11-10", recordedBy = "Lee Officer" }), HttpStatusCode.BadRequest);
        Assert.Contains("before the decision letter of 16 November 2026", (string?)early["errors"]![0]!["message"]);
        var senco = await p.StaffAsync("senco", "senco", "Sam Patel");
        Assert.Equal(HttpStatusCode.Forbidden, (await senco.PostAsJsonAsync($"/api/instances/{assessment}/mediation-certificates",
            new { decision = "decision-to-assess", issuedOn = "2026-11-20", recordedBy = "Sam" })).StatusCode);
        Assert.Null((string?)Assert.Single(await AppealsAsync(la, assessment))!["mediationCertificateOn"]);
    }

    private static string[] Fields(JsonObject problem) =>
        problem["errors"]!.AsArray().Select(e => (string)e!["field"]!).Distinct().Order(StringComparer.Ordinal).ToArray();
}

/// <summary>The same suite on PostgreSQL.</summary>
public sealed class AppealTestsOnPostgres : AppealTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// Pupils from the school's MIS through the API: a SIMS export and an Arbor export each previewed (added, changed
/// detail by detail, leavers, bad rows by their row number), applied, and imported again with nothing left to change;
/// a leaver's open work closed only when the school confirms; files that can't be an export refused whole.
/// </summary>
public sealed class MisImportTests
{
    // A SIMS "student list" export: a byte order mark, CRLF, quoted fields with a comma and doubled quotes, a column
    // (Gender) the import does not read. Row 5 has a short UPN, 31 February and an SEN status of X; row 6 no forename;
    // row 7 left before the service knew him.
    private const string Sims =
        "\uFEFFUPN,Legal Surname,Legal Forename,Preferred Surname,Preferred Forename,DOB,Year,Reg Group,SEN Status,SEN Need Type," +
        "Admission Date,Leaving Date,Gender\r\n" +
        "A123456789012,Jones,Ava,,,01/05/2018,4,4 Oak,K,SLCN,03/09/2022,,F\r\n" +
        "B123456789013,Smith,Leo,,,02/02/2018,4,4 Ash,K,,03/09/2022,09/10/2026,M\r\n" +
        "C12345678901A,\"O'Brien, Jr\",Niamh,,Nia,15/11/2021,R,\"Reception \"\"Robins\"\"\",N,,01/09/2026,,F\r\n" +
        "D12345,Patel,Ravi,,,31/02/2018,3,3 Oak,X,,,,M\r\n" +
        "E123456789016,Khan,,,,01/01/2017,Year 5,5 Elm,,,,,M\r\n" +
        "F123456789017,Brown,Tom,,,01/01/2016,6,6 Fir,N,,01/09/2020,20/07/2025,M\r\n";

    // An Arbor export as Excel saves it on a Windows PC: Latin-1 (Zoë), LF, ISO dates, years and SEN status in words.
    private const string Arbor =
        "UPN,Legal first name,Legal last name,Preferred first name,Preferred last name,Date of birth,Year,Registration form,SEN status," +
        "Primary SEN need,Start date,Leaving date\n" +
        "H123456789010,Zoë,Ward,,,2017-03-04,Year 5,5W,SEN Support,Specific learning difficulty,2021-09-01,\n" +
        "H123456789011,Sam,Lee,Sammy,,2016-06-30,Year 6,6L,EHC Plan,ASD,2020-09-01,2026-10-01\n" +
        "H123456789012,Amy,Fox,,,2019-13-01,Reception,RF,No SEN,,2022-09-01,\n" +
        "H123456789013,Ben,Ray,,,2018-01-01,Year 15,3R,,,2022-09-01,\n";

    [Fact]
    public async Task ASimsExport_IsPreviewedAppliedOnce_AndAgainChangesNothing_AndALeaversWorkClosesOnlyWhenConfirmed()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        await AddPupilAsync(p, "ava", "Ava Jones", "2018-05-01", "3 Oak");
        await AddPupilAsync(p, "leo", "Leo Smith", "2018-02-02", "3 Ash");
        var leosPathway = await StartAsync(p, "leo");
        var leosTasks = await OpenTasksAsync(p, leosPathway);
        Assert.NotEmpty(leosTasks);

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Sims));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "sims-export.csv");
        var preview = await CreatedAsync(await p.Http.PostAsync("/api/schools/oakfield/imports", form));

        Assert.Equal(("SIMS", "previewed", "sims-export.csv", 6), ((string?)preview["source"], (string?)preview["status"],
            (string?)preview["fileName"], (int)preview["rows"]!));
        Assert.Equal(["Gender"], preview["ignoredColumns"]!.AsArray().Select(c => (string)c!));
        var niamh = Assert.Single(preview["added"]!.AsArray())!;
        Assert.Equal((4, "C12345678901A", "Niamh O'Brien, Jr", "Nia O'Brien, Jr", 0, "Reception \"Robins\"", "N"),
            ((int)niamh["row"]!, (string?)niamh["upn"], (string?)niamh["name"], (string?)niamh["preferredName"], (int)niamh["yearGroup"]!,
                (string?)niamh["className"], (string?)niamh["senStatus"]));
        Assert.Equal(
            ["upn: - -> A123456789012", "yearGroup: 3 -> 4", "className: 3 Oak -> 4 Oak", "senStatus: - -> K", "primaryNeed: - -> SLCN",
                "admittedOn: - -> 3 September 2022"],
            Changes(preview, "ava"));
        Assert.Contains("leftOn: - -> 9 October 2026", Changes(preview, "leo"));
        var leaver = Assert.Single(preview["leavers"]!.AsArray())!;
        Assert.Equal(("leo", 3, "2026-10-09", 1), ((string?)leaver["pupilId"], (int)leaver["row"]!, (string?)leaver["leftOn"],
            (int)leaver["openWorkflows"]!));
        var bad = preview["badRows"]!.AsArray();
        Assert.Equal([5, 6], bad.Select(b => (int)b!["row"]!));
        Assert.Equal(
        [
            "'UPN' \"D12345\" is not a UPN (13 characters: a letter, 11 digits, then a digit or a letter).",
            "'DOB' \"31/02/2018\" is not a date (write it as 31/12/2018 or 2018-12-31).",
            "'SEN Status' \"X\" is not an SEN status (N, K or E: none, SEN support, EHC plan).",
        ], bad[0]!["reasons"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["'Legal Forename' is required."], bad[1]!["reasons"]!.AsArray().Select(r => (string)r!));
        var tom = Assert.Single(preview["skipped"]!.AsArray())!;
        Assert.Equal((7, "Left on 20 July 2025, before the service knew them: not added."), ((int)tom["row"]!, (string?)tom["reason"]));

        // A preview changes nothing.
        Assert.Equal(("3 Oak", (string?)null), await ClassAndUpnAsync(p, "ava"));

        var id = (string)preview["id"]!;
        var applied = await OkAsync(await p.Http.PostAsync($"/api/schools/oakfield/imports/{id}/apply", null));
        Assert.Equal("applied", (string?)applied["status"]);
        var niamhId = (string)applied["added"]![0]!["pupilId"]!;
        var added = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{niamhId}"))!;
        Assert.Equal(("Niamh O'Brien, Jr", "Nia O'Brien, Jr", "C12345678901A", "2021-11-15", "2026-09-01"), ((string?)added["name"],
            (string?)added["preferredName"], (string?)added["upn"], (string?)added["dateOfBirth"], (string?)added["admittedOn"]));
        Assert.Equal(("4 Oak", (string?)"A123456789012"), await ClassAndUpnAsync(p, "ava"));
        var ava = (await p.Http.GetFromJsonAsync<JsonObject>("/api/pupils/ava"))!;
        Assert.Equal((4, "K", "SLCN"), ((int)ava["yearGroup"]!, (string?)ava["senStatus"], (string?)ava["primaryNeed"]));
        Assert.Equal("2026-10-09", (string?)(await p.Http.GetFromJsonAsync<JsonObject>("/api/pupils/leo"))!["leftOn"]);
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?pupilId=ava&action=change"))!;
        Assert.Contains(audit, e => (string?)e!["path"] == $"/api/schools/oakfield/imports/{id}/apply");

        // Leo has left, but his work stays open until the school confirms.
        Assert.Equal("active", (string?)(await p.InstanceAsync(leosPathway))["status"]);
        Assert.Equal(leosTasks, await OpenTasksAsync(p, leosPathway));
        await Pathway.ProblemAsync(await p.Http.PostAsync($"/api/schools/oakfield/imports/{id}/apply", null), HttpStatusCode.Conflict);

        var again = await PostCsvAsync(p, Encoding.UTF8.GetBytes(Sims));
        Assert.Equal((0, 0, 3), (again["added"]!.AsArray().Count, again["changed"]!.AsArray().Count, (int)again["unchanged"]!));
        Assert.Equal(["leo"], again["leavers"]!.AsArray().Select(l => (string)l!["pupilId"]!));

        var closed = await OkAsync(await p.Http.PostAsJsonAsync($"/api/schools/oakfield/imports/{id}/leavers/close", new { }));
        var leo = Assert.Single(closed["pupils"]!.AsArray())!;
        Assert.Equal(("leo", 1, leosTasks.Count), ((string?)leo["pupilId"], (int)leo["workflowsClosed"]!, (int)leo["tasksCancelled"]!));
        Assert.Equal("closed", (string?)(await p.InstanceAsync(leosPathway))["status"]);
        Assert.Empty(await OpenTasksAsync(p, leosPathway));
        var last = (await p.JournalAsync(leosPathway)).Last()!;
        Assert.Equal("closed", (string?)last["kind"]);
        Assert.Contains("left the school on 9 October 2026", (string?)last["detail"], StringComparison.Ordinal);

        var third = await PostCsvAsync(p, Encoding.UTF8.GetBytes(Sims));
        Assert.Equal((0, 0, 0), (third["added"]!.AsArray().Count, third["changed"]!.AsArray().Count, third["leavers"]!.AsArray().Count));
        Assert.Equal(("previewed", 3), ((string?)third["status"], (int)third["unchanged"]!));
    }

    [Fact]
    public async Task AnArborExport_InLatin1_IsReadAndApplied_AndAgainChangesNothing()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        await AddPupilAsync(p, "sam", "Sam Lee", "2016-06-30", "6L", yearGroup: 6);
        await StartAsync(p, "sam");

        var preview = await PostCsvAsync(p, Encoding.Latin1.GetBytes(Arbor), "arbor.csv");

        Assert.Equal(("Arbor", "arbor.csv"), ((string?)preview["source"], (string?)preview["fileName"]));
        var zoe = Assert.Single(preview["added"]!.AsArray())!;
        Assert.Equal(("Zoë Ward", 5, "5W", "K", "SPLD", "2021-09-01"), ((string?)zoe["name"], (int)zoe["yearGroup"]!,
            (string?)zoe["className"], (string?)zoe["senStatus"], (string?)zoe["primaryNeed"], (string?)zoe["admittedOn"]));
        Assert.Equal(["upn: - -> H123456789011", "preferredName: - -> Sammy Lee", "senStatus: - -> E", "primaryNeed: - -> ASD",
            "admittedOn: - -> 1 September 2020", "leftOn: - -> 1 October 2026"], Changes(preview, "sam"));
        Assert.Equal(["sam"], preview["leavers"]!.AsArray().Select(l => (string)l!["pupilId"]!));
        var bad = preview["badRows"]!.AsArray();
        Assert.Equal([4, 5], bad.Select(b => (int)b!["row"]!));
        Assert.Equal("'Date of birth' \"2019-13-01\" is not a date (write it as 31/12/2018 or 2018-12-31).", (string?)bad[0]!["reasons"]![0]);
        Assert.Equal("'Year' must be -1 (nursery), 0 (reception) or 1 to 14.", (string?)bad[1]!["reasons"]![0]);

        await OkAsync(await p.Http.PostAsync($"/api/schools/oakfield/imports/{preview["id"]}/apply", null));

        var again = await PostCsvAsync(p, Encoding.Latin1.GetBytes(Arbor), "arbor.csv");
        Assert.Equal((0, 0, 2), (again["added"]!.AsArray().Count, again["changed"]!.AsArray().Count, (int)again["unchanged"]!));
        Assert.Equal([4, 5], again["badRows"]!.AsArray().Select(b => (int)b!["row"]!));
        // Sam's work is still open: the school has not confirmed yet.
        Assert.Equal(1, (int)again["leavers"]![0]!["openWorkflows"]!);
    }

    [Fact]
    public async Task AFileThatCantBeAnExport_IsRefusedWithEveryProblem_AndChangesNothing()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");

        var workbook = await ProblemsAsync(p, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
        Assert.Contains("Excel workbook", Assert.Single(workbook), StringComparison.Ordinal);
        var unknown = await ProblemsAsync(p, Encoding.UTF8.GetBytes("Colour,Shape\r\nred,round\r\n"));
        Assert.StartsWith("None of the file's columns is one the import reads (it has \"Colour\", \"Shape\")", Assert.Single(unknown),
            StringComparison.Ordinal);
        var missing = await ProblemsAsync(p, Encoding.UTF8.GetBytes("UPN,Surname\r\nA123456789012,Jones\r\n"));
        Assert.Equal(3, missing.Count);
        Assert.Contains(missing, m => m.StartsWith("The file has no column for the date of birth", StringComparison.Ordinal));
        var unclosed = await ProblemsAsync(p, Encoding.UTF8.GetBytes("UPN,Forename,Surname,DOB,Year\r\nA123456789012,\"Ava,Jones,01/05/2018,3\r\n"));
        Assert.Equal("A quoted field that starts on row 2 is never closed (a \" is missing).", Assert.Single(unclosed));

        // A UPN on two rows and a birthday in the future: the rows can't be trusted, so nothing is taken, and both are said.
        var untrusted = await ProblemsAsync(p, Encoding.UTF8.GetBytes(
            "UPN,Forename,Surname,DOB,Year\r\n" +
            "A123456789012,Ava,Jones,01/05/2018,3\r\n" +
            "A123456789012,Ada,Jones,02/05/2018,3\r\n" +
            "B123456789013,Leo,Smith,01/01/2030,3\r\n"));
        Assert.Equal(["Row 4: the date of birth \"01/01/2030\" is in the future (are the file's dates day/month/year?).",
            "UPN A123456789012 is on rows 2 and 3: each pupil must be on one row."], untrusted);

        var huge = new byte[10 * 1024 * 1024 + 1];
        Array.Fill(huge, (byte)'a');
        using (var content = new ByteArrayContent(huge))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var tooLarge = await Pathway.ProblemAsync(await p.Http.PostAsync("/api/schools/oakfield/imports", content),
                HttpStatusCode.RequestEntityTooLarge);
            Assert.StartsWith("The file is over 10 MB", (string?)tooLarge["detail"], StringComparison.Ordinal);
        }

        await using var db = await p.Factory.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContextAsync();
        Assert.Equal((0, 0), (await db.PupilImports.CountAsync(), await db.Pupils.CountAsync()));
        await Pathway.ProblemAsync(await p.Http.GetAsync($"/api/schools/oakfield/imports/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.PostAsync($"/api/schools/oakfield/imports/{Guid.NewGuid()}/apply", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ALeaversStatutoryAssessment_IsTheLasAndGoesOn_WhenTheSchoolClosesItsOwnWork()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var pathway = await p.PupilAtAsync("statutory-assessment");
        var assessment = (string)(await p.ChildAsync(pathway, "ehcp-assessment"))["id"]!;
        var preview = await PostCsvAsync(p, Encoding.UTF8.GetBytes(
            "UPN,Legal Forename,Legal Surname,DOB,Year,Leaving Date\r\nT123456789012,Test,Pupil,01/05/2018,3,01/10/2026\r\n"));
        Assert.Equal(1, (int)preview["leavers"]![0]!["openWorkflows"]!);
        await OkAsync(await p.Http.PostAsync($"/api/schools/oakfield/imports/{preview["id"]}/apply", null));

        var closed = await OkAsync(await p.Http.PostAsJsonAsync($"/api/schools/oakfield/imports/{preview["id"]}/leavers/close",
            new { upns = (string[])["T123456789012"] }));

        Assert.Equal(1, (int)closed["pupils"]![0]!["workflowsClosed"]!);
        Assert.Equal("closed", (string?)(await p.InstanceAsync(pathway))["status"]);
        Assert.Equal("active", (string?)(await p.InstanceAsync(assessment))["status"]);
    }

    [Fact]
    public async Task LeaversWork_CantBeClosedBeforeTheImportIsApplied_NorForAPupilWhoIsNotALeaver()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var preview = await PostCsvAsync(p, Encoding.UTF8.GetBytes(Sims));
        var id = (string)preview["id"]!;

        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync($"/api/schools/oakfield/imports/{id}/leavers/close", new { }),
            HttpStatusCode.Conflict);
        await OkAsync(await p.Http.PostAsync($"/api/schools/oakfield/imports/{id}/apply", null));
        var notALeaver = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync($"/api/schools/oakfield/imports/{id}/leavers/close",
            new { upns = (string[])["A123456789012"] }), HttpStatusCode.BadRequest);
        Assert.Equal("UPN \"A123456789012\" is not a leaver of this import.", (string?)notALeaver["errors"]![0]!["message"]);
    }

    private static async Task AddPupilAsync(Pathway p, string id, string name, string dateOfBirth, string className, int yearGroup = 3) =>
        (await p.Http.PostAsJsonAsync("/api/pupils", new { id, name, dateOfBirth, schoolId = "oakfield", yearGroup, className }))
            .EnsureSuccessStatusCode();

    private static async Task<string> StartAsync(Pathway p, string pupilId)
    {
        var started = await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId });
        return (string)(await CreatedAsync(started))["id"]!;
    }

    private static async Task<List<string>> OpenTasksAsync(Pathway p, string instanceId) =>
        [.. (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instanceId}&status=open"))!.Select(t => (string)t!["id"]!)];

    private static async Task<(string? ClassName, string? Upn)> ClassAndUpnAsync(Pathway p, string pupilId)
    {
        var pupil = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{pupilId}"))!;
        return ((string?)pupil["className"], (string?)pupil["upn"]);
    }

    /// <summary>A changed pupil's changes as "field: from -> to", "-" for nothing.</summary>
    private static List<string> Changes(JsonObject preview, string pupilId) =>
        [.. preview["changed"]!.AsArray().Single(c => (string?)c!["pupilId"] == pupilId)!["changes"]!.AsArray()
            .Select(c => $"{c!["field"]}: {(string?)c["from"] ?? "-"} -> {(string?)c["to"] ?? "-"}")];

    private static async Task<JsonObject> PostCsvAsync(Pathway p, byte[] csv, string? fileName = null)
    {
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var query = fileName is null ? "" : $"?fileName={Uri.EscapeDataString(fileName)}";
        return await CreatedAsync(await p.Http.PostAsync($"/api/schools/oakfield/imports{query}", content));
    }

    private static async Task<List<string>> ProblemsAsync(Pathway p, byte[] file)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var problem = await Pathway.ProblemAsync(await p.Http.PostAsync("/api/schools/oakfield/imports", content), HttpStatusCode.BadRequest);
        return [.. problem["errors"]!.AsArray().Select(e => (string)e!["message"]!)];
    }

    private static async Task<JsonObject> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}

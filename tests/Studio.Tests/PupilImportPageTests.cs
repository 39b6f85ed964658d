using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// The SENCo keeps the school's pupils as the MIS has them: uploads a secondary school's SIMS export (1,500 pupils), sees
/// what it would do, applies it, and confirms that a leaver's open work be closed; the school views download as Excel.
/// </summary>
public sealed class PupilImportPageTests(StudioFixture studio)
{
    private const int NewPupils = 1500;

    [Fact]
    public async Task TheSenco_UploadsAnMisExport_SeesThePreview_AppliesIt_AndClosesALeaversWork()
    {
        // Typed in before the school imported: found by legal name and date of birth, and given the UPN.
        var (leaverId, leaverPathway) = await studio.StartPupilAsync("Lena Importer");
        var csv = new StringBuilder("\uFEFFUPN,Legal Surname,Legal Forename,DOB,Year,Reg Group,SEN Status,Leaving Date\r\n");
        csv.Append("L123456789012,Importer,Lena,01/05/2018,4,4 Lime,K,09/10/2026\r\n");
        for (var i = 1; i <= NewPupils; i++)
            csv.Append(CultureInfo.InvariantCulture, $"S{i:D12},Imported,Pupil {i:D4},01/09/2013,7,7{(char)('A' + i % 6)},N,\r\n");
        csv.Append("BAD,Rowe,Bad,01/09/2013,7,7A,N,\r\n");

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Import pupils" })
            .ClickAsync();
        await Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
        // The file input is enabled once the page knows the school (and its upload is wired up): a file given earlier is lost.
        var input = page.GetByLabel("CSV file exported from SIMS, Arbor or Bromcom");
        await Expect(input).ToBeEnabledAsync();
        var clock = Stopwatch.StartNew();
        await input.SetInputFilesAsync(new FilePayload
        {
            Name = "sims-year-7-to-13.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
        });

        // A refusal would say why here rather than as a timeout below.
        await Expect(page.GetByTestId("import-summary").Or(page.GetByTestId("import-problems"))).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal(0, await page.GetByTestId("import-problems").CountAsync());
        await Expect(page.GetByTestId("count-added")).ToHaveTextAsync($"{NewPupils} pupils to add");
        var previewed = clock.Elapsed;
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("sims-year-7-to-13.csv, an export from SIMS: 1502 rows.");
        await Expect(page.GetByTestId("count-changed")).ToHaveTextAsync("1 pupil to change");
        await Expect(page.GetByTestId("count-bad")).ToHaveTextAsync("1 bad row, not imported");
        await Expect(page.Locator("[data-testid=bad-rows] tr[data-row='1503']")).ToContainTextAsync("'UPN' \"BAD\" is not a UPN");
        var lena = page.Locator("[data-testid=changed] tr[data-row='2']");
        await Expect(lena).ToContainTextAsync("UPN: none → L123456789012");
        await Expect(lena).ToContainTextAsync("Registration group: none → 4 Lime");
        await Expect(lena).ToContainTextAsync("Leaving date: none → 9 October 2026");
        await Expect(page.Locator("[data-testid=leavers] tr[data-row='2']")).ToContainTextAsync("Lena Importer");
        await Expect(page.GetByText("... and 1300 more.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("pupil-import.png") });

        clock.Restart();
        await page.GetByTestId("apply").ClickAsync();
        await Expect(page.GetByTestId("applied-message")).ToContainTextAsync($"{NewPupils} pupils added, 1 pupil changed.",
            new() { Timeout = 60_000 });
        var applied = clock.Elapsed;
        Console.WriteLine($"Import of {NewPupils} pupils in the browser: upload and preview {previewed.TotalSeconds:0.00} s, " +
            $"apply {applied.TotalSeconds:0.00} s");
        var pupil = await studio.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/pupils/{leaverId}");
        Assert.Equal(("L123456789012", "4 Lime", "2026-10-09"), ((string?)pupil!["upn"], (string?)pupil["className"], (string?)pupil["leftOn"]));
        // Applied, but Lena's pathway is still running: her work closes only when the SENCo confirms.
        Assert.Equal("active", await StatusAsync(leaverPathway));

        var close = page.GetByTestId("close-leavers");
        await Expect(close).ToBeDisabledAsync();
        await page.GetByLabel("I confirm these pupils have left the school").CheckAsync();
        await close.ClickAsync();
        await Expect(page.GetByTestId("leavers-closed")).ToContainTextAsync("Closed 1 workflow");
        await Expect(page.Locator("[data-testid=leavers] tr[data-row='2'] td").Last).ToHaveTextAsync("0");
        Assert.Equal("closed", await StatusAsync(leaverPathway));
    }

    [Fact]
    public async Task TheSenRegister_DownloadsForExcel_WithTheStudiosSignIn()
    {
        await studio.StartPupilAsync("Xavier Workbook", className: "5 Elm");
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/school/register");
        var link = page.GetByTestId("xlsx");
        await Expect(link).ToHaveTextAsync("Download for Excel (.xlsx)");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("oakfield-sen-register.xlsx", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Contains("Xavier Workbook", Encoding.UTF8.GetString(Unzipped(bytes)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnKestrel_AnImportOver10Mb_Is413BeforeItIsRead_WhileTwoMegabytesReachTheImport()
    {
        async Task<(System.Net.HttpStatusCode Status, string Body)> PostAsync(int bytes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/schools/oakfield/imports")
            {
                Content = new StringContent("Colour\r\n" + new string('x', bytes), Encoding.UTF8, "text/csv"),
            };
            // With "Expect: 100-continue" the client hears the 413 rather than a closed connection.
            request.Headers.ExpectContinue = true;
            using var response = await studio.Http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, (await PostAsync(11 * 1024 * 1024)).Status);
        // Over the service's 1 MB cap for other requests, so this endpoint's own limit holds: the file is read and refused.
        var (status, body) = await PostAsync(2 * 1024 * 1024);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Contains("None of the file's columns is one the import reads", body, StringComparison.Ordinal);
    }

    private async Task<string?> StatusAsync(string instanceId) =>
        (string?)(await studio.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/instances/{instanceId}"))!["status"];

    /// <summary>Every part of the workbook, unzipped, one after another: enough to find a name in its sheet.</summary>
    private static byte[] Unzipped(byte[] workbook)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(workbook));
        using var all = new MemoryStream();
        foreach (var entry in zip.Entries)
        {
            using var part = entry.Open();
            part.CopyTo(all);
        }
        return all.ToArray();
    }
}

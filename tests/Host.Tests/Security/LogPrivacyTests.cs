using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SendWorkflow.Host.Tests.Infrastructure;

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
}

using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// A move of running pupils refused with every problem listed (400) and nothing changed: a state pupils are in left unmapped,
/// a map from or to a state that does not exist, a version of another definition, a target that is a draft; a second move of
/// the same version while one runs (409); a SENCo moving the default variant's pupils (403); an unknown move (404).
/// </summary>
public class MigrationBadInputTests : ProviderSuite
{
    private const string Migrations = "/api/definitions/send-pathway/migrations";

    private static IEnumerable<(string Field, string Message)> Errors(JsonObject problem) =>
        problem["errors"]!.AsArray().Select(e => ((string)e!["field"]!, (string)e["message"]!));

    [Fact]
    public async Task AMoveWithEveryKindOfMistake_IsRefusedWithEachListed_AndChangesNothing()
    {
        await using var p = await StartAsync("2026-09-14");
        var stage2 = await p.PupilAtAsync("initial-concern");
        var stage1 = await p.PupilAtAsync("cause-of-concern");
        await MigrationTests.PublishVersionTwoAsync(p);
        // Another definition with more versions than the pathway: its version 4 is not the pathway's.
        var other = JsonNode.Parse(await p.Http.GetStringAsync("/api/definitions/send-pathway?version=1"))!.AsObject();
        other["id"] = "other-pathway";
        (await p.Http.PostAsJsonAsync("/api/definitions/import?publish=true", other)).EnsureSuccessStatusCode();
        for (var v = 2; v <= 4; v++)
        {
            other["name"] = $"Other pathway {v}";
            (await p.Http.PutAsJsonAsync("/api/definitions/other-pathway/draft", other)).EnsureSuccessStatusCode();
            if (v < 4) (await p.Http.PostAsJsonAsync("/api/definitions/other-pathway/publish", new { })).EnsureSuccessStatusCode();
        }
        // A draft version 3 of the pathway.
        var draft = JsonNode.Parse(await p.Http.GetStringAsync("/api/definitions/send-pathway?version=2"))!.AsObject();
        draft["name"] = "SEND pathway, being changed";
        (await p.Http.PutAsJsonAsync("/api/definitions/send-pathway/draft", draft)).EnsureSuccessStatusCode();

        // Stage 2 left unmapped (version 2 renamed it), a map from a state version 1 lacks and to one version 2 lacks, a pupil
        // who is not on the pathway.
        var unmapped = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync(Migrations, new
        {
            fromVersion = 1, toVersion = 2, stateMap = new Dictionary<string, string> { ["nowhere"] = "cause-of-concern", ["ehcp"] = "limbo" },
            pupils = new[] { stage2, "nobody-at-all" }, dryRun = true,
        }), HttpStatusCode.BadRequest);
        var errors = Errors(unmapped).ToList();
        Assert.Contains(errors, e => e.Field == "stateMap.nowhere"
            && e.Message.Contains("Version 1 has no state 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "stateMap.ehcp" && e.Message.Contains("Version 2 has no state 'limbo'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "stateMap.initial-concern"
            && e.Message.StartsWith("1 pupil is in 'initial-concern', which version 2 does not have", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "pupils[1]"
            && e.Message.StartsWith("No pupil or workflow 'nobody-at-all'", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);

        // A version of another definition and a draft, together, and the same with "dryRun": false: nothing moves.
        foreach (var dryRun in new[] { true, false })
        {
            var versions = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync(Migrations, new { fromVersion = 4, toVersion = 3, dryRun }),
                HttpStatusCode.BadRequest);
            var listed = Errors(versions).ToList();
            Assert.Contains(listed, e => e.Field == "fromVersion"
                && e.Message.StartsWith("Version 4 is a version of 'other-pathway', not of 'send-pathway'", StringComparison.Ordinal));
            Assert.Contains(listed, e => e.Field == "toVersion" && e.Message.StartsWith("Version 3 is a draft", StringComparison.Ordinal));
        }
        var missing = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync(Migrations, new { dryRun = false }), HttpStatusCode.BadRequest);
        Assert.Equal(["fromVersion", "toVersion"], Errors(missing).Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(1, (int)(await p.InstanceAsync(stage2))["version"]!);
        Assert.Equal(1, (int)(await p.InstanceAsync(stage1))["version"]!);
        Assert.Empty((await p.Http.GetFromJsonAsync<JsonArray>(Migrations))!);

        // A SENCo may not move the default variant's pupils (its version is the administrator's to publish).
        var senco = await p.StaffAsync("senco-migrate", "senco");
        var map = new Dictionary<string, string> { ["initial-concern"] = "initial-concern-review" };
        await Pathway.ProblemAsync(await senco.PostAsJsonAsync(Migrations, new { fromVersion = 1, toVersion = 2, stateMap = map }),
            HttpStatusCode.Forbidden);
        await Pathway.ProblemAsync(await p.Http.GetAsync($"{Migrations}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASecondMoveOfTheSameVersion_WhileOneRuns_IsRefused()
    {
        // One pupil a batch and a stop after the first: the first move stays running.
        var settings = new Dictionary<string, string?> { ["Migrations:BatchSize"] = "1", ["Migrations:StopAfterBatches"] = "1" };
        await using var p = await StartAsync("2026-09-14", settings: settings);
        var pupils = new[] { await p.PupilAtAsync("cause-of-concern"), await p.PupilAtAsync("cause-of-concern") };
        await MigrationTests.PublishVersionTwoAsync(p);
        var body = new { fromVersion = 1, toVersion = 2, dryRun = false };
        var first = await p.Http.PostAsJsonAsync(Migrations, body);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var url = first.Headers.Location!.ToString();
        await MigrationTests.UntilAsync(p.Http, url, x => (int)x["moved"]! == 1);

        var second = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync(Migrations, body), HttpStatusCode.Conflict);
        Assert.Contains("already running", (string?)second["detail"], StringComparison.Ordinal);
        Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>(Migrations))!);

        // Resumed, it moves the other pupil, and then a new move of version 1 has no one left to move.
        (await p.Http.PostAsJsonAsync($"{url}/resume", new { })).EnsureSuccessStatusCode();
        var done = await MigrationTests.UntilAsync(p.Http, url, x => (int)x["moved"]! == 2);
        Assert.Equal(0, (int)done["pending"]!);
        await MigrationTests.UntilAsync(p.Http, url, x => (string?)x["status"] == "done" || (int)x["pending"]! == 0);
        foreach (var pupil in pupils) Assert.Equal(2, (int)(await p.InstanceAsync(pupil))["version"]!);
    }
}

/// <summary>The same refusals on PostgreSQL (the second move refused there by the same check and unique running index).</summary>
public sealed class MigrationBadInputTestsOnPostgres : MigrationBadInputTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

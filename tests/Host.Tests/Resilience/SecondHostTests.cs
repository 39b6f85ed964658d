using SendWorkflow.Host.Tests.Timers;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// SQLite is for one host: a second host started on a file one already uses stops with one line and exit code 4, and
/// the first goes on serving. A host that was killed leaves no lock behind.
/// </summary>
public sealed class SecondHostTests
{
    [Fact]
    public async Task ASecondHostOnTheSameSqliteFile_IsRefusedInOneLine_AndTheFirstGoesOn()
    {
        var folder = Directory.CreateTempSubdirectory("sendworkflow-second-host-").FullName;
        var file = Path.Combine(folder, "sendworkflow.db");
        var first = ChildService.Start("first", file);
        ChildService? second = null;
        ChildService? third = null;
        try
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

            second = ChildService.Start("second", file);
            var code = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.True(code == 4, $"exit code {code}:{Environment.NewLine}{second.Output}");
            var line = Assert.Single(second.Lines, l => l.Contains("SendWorkflow cannot start:", StringComparison.Ordinal));
            Assert.Contains("another SendWorkflow host is already using", line, StringComparison.Ordinal);
            Assert.Contains(file, line, StringComparison.Ordinal);
            Assert.DoesNotContain(second.Lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
            using (var client = first.CreateClient())
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health/ready")).StatusCode);
            }

            // SIGKILL: no shutdown ran, yet the kernel released the lock with the process.
            await first.KillAsync();
            third = ChildService.Start("after-kill", file);
            await third.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            var output = TestContext.Current.TestOutputHelper;
            foreach (var l in first.Lines.Concat(second?.Lines ?? []).Concat(third?.Lines ?? [])) output?.WriteLine(l);
            await first.DisposeAsync();
            if (second is not null) await second.DisposeAsync();
            if (third is not null) await third.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}

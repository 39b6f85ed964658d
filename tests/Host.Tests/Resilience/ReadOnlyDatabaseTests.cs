using SendWorkflow.Host.Tests.Timers;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// A database the service cannot write: start-up stops with one line that says what is wrong and what to do, and a
/// non-zero exit code, not an unhandled exception's stack trace. How the file is made read-only: these tests run as
/// root, for whom chmod 444 changes nothing (root writes anyway), and <c>chattr +i</c> needs a file system that supports
/// it; remounting the tmpfs read-only (<c>mount -o remount,ro</c>) is enforced for root too, so that is what is used.
/// </summary>
public sealed class ReadOnlyDatabaseTests
{
    [Fact]
    public async Task StartingOnAReadOnlyDatabase_ExitsNonZero_WithOneLineSayingWhatToDo()
    {
        await using var disk = await SmallDisk.MountAsync(16);
        var file = Path.Combine(disk.Folder, "sendworkflow.db");
        var first = ChildService.Start("writable", file);
        ChildService? second = null;
        try
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
            await disk.RemountReadOnlyAsync();

            second = ChildService.Start("read-only", file);
            var code = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.True(code != 0, $"exit code 0 on a read-only database:{Environment.NewLine}{second.Output}");
            Assert.True(code != 134, "exit code 134 is an unhandled exception's abort");
            var said = second.Lines.Where(l => l.Contains("SendWorkflow cannot start:", StringComparison.Ordinal)).ToList();
            var line = Assert.Single(said);
            Assert.Contains(file, line, StringComparison.Ordinal);
            Assert.Contains("read-only", line, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__SendWorkflow", line, StringComparison.Ordinal);
            Assert.DoesNotContain(second.Lines, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
            Assert.DoesNotContain(second.Lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        }
        finally
        {
            var output = TestContext.Current.TestOutputHelper;
            foreach (var line in first.Lines.Concat(second?.Lines ?? [])) output?.WriteLine(line);
            await first.DisposeAsync();
            if (second is not null) await second.DisposeAsync();
        }
    }
}

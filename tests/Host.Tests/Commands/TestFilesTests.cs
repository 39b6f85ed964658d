namespace SendWorkflow.Host.Tests.Commands;

/// <summary>The tests' own files: one folder a run, and what earlier runs left removed.</summary>
public sealed class TestFilesTests
{
    [Fact]
    public void ThisRunsFiles_AreAllInAFolderNamedForItsProcess()
    {
        var database = TestFiles.Database();
        var folder = TestFiles.Folder("kill-");

        Assert.Equal($"run-{Environment.ProcessId}", Path.GetFileName(TestFiles.Root));
        Assert.Equal(TestFiles.Parent, Path.GetDirectoryName(TestFiles.Root));
        Assert.Equal(TestFiles.Root, Path.GetDirectoryName(database));
        Assert.EndsWith(".db", database, StringComparison.Ordinal);
        Assert.Equal(TestFiles.Root, Path.GetDirectoryName(folder));
        Assert.StartsWith("kill-", Path.GetFileName(folder), StringComparison.Ordinal);
        Assert.NotEqual(database, TestFiles.Database());
    }

    [Fact]
    public void TheFoldersOfEndedRuns_AndOldLooseFiles_AreRemoved_WhileLiveRunsAndNewFilesStay()
    {
        var parent = Directory.CreateTempSubdirectory("sendworkflow-testfiles-").FullName;
        try
        {
            using var ended = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
            ended.WaitForExit();
            var endedRun = Directory.CreateDirectory(Path.Combine(parent, $"run-{ended.Id}")).FullName;
            File.WriteAllText(Path.Combine(endedRun, "a.db"), "x");
            var liveRun = Directory.CreateDirectory(Path.Combine(parent, $"run-{Environment.ProcessId}")).FullName;
            File.WriteAllText(Path.Combine(liveRun, "b.db"), "x");
            var oldLoose = Path.Combine(parent, "old.db");
            File.WriteAllText(oldLoose, "x");
            File.SetLastWriteTimeUtc(oldLoose, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2));
            var oldFolder = Directory.CreateDirectory(Path.Combine(parent, "kill-old"));
            oldFolder.LastWriteTimeUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2);
            var newLoose = Path.Combine(parent, "new.db");
            File.WriteAllText(newLoose, "x");

            var removed = TestFiles.RemoveEndedRuns(parent);

            Assert.Equal(3, removed);
            Assert.False(Directory.Exists(endedRun));
            Assert.False(File.Exists(oldLoose));
            Assert.False(oldFolder.Exists);
            Assert.True(File.Exists(Path.Combine(liveRun, "b.db")));
            Assert.True(File.Exists(newLoose));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void TheServerFoldersOfEndedRuns_AreRemoved_WhileLiveRunsAndRunningServersStay()
    {
        var parent = Directory.CreateTempSubdirectory("sendworkflow-testfiles-").FullName;
        try
        {
            using var ended = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
            ended.WaitForExit();
            string Server(int pid, int? postmaster)
            {
                var folder = Path.Combine(parent, $"{TestFiles.ServerPrefix}{pid}-{Guid.NewGuid():N}"[..40]);
                var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
                File.WriteAllText(Path.Combine(data, "PG_VERSION"), "15");
                if (postmaster is { } p) File.WriteAllText(Path.Combine(data, "postmaster.pid"), $"{p}\n{data}\n");
                return folder;
            }
            var endedRun = Server(ended.Id, postmaster: null);
            var endedRunEndedServer = Server(ended.Id, postmaster: ended.Id);
            var endedRunLiveServer = Server(ended.Id, postmaster: Environment.ProcessId);
            var liveRun = Server(Environment.ProcessId, postmaster: null);
            var notARun = Directory.CreateDirectory(Path.Combine(parent, $"{TestFiles.ServerPrefix}late-{Guid.NewGuid():N}")).FullName;

            var removed = TestFiles.RemoveEndedServers(parent);

            Assert.Equal(2, removed);
            Assert.False(Directory.Exists(endedRun));
            Assert.False(Directory.Exists(endedRunEndedServer));
            Assert.True(Directory.Exists(endedRunLiveServer));
            Assert.True(Directory.Exists(liveRun));
            Assert.True(Directory.Exists(notARun));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void NoFolderYet_NothingToRemove() =>
        Assert.Equal(0, TestFiles.RemoveEndedRuns(Path.Combine(Path.GetTempPath(), $"sendworkflow-none-{Guid.NewGuid():N}")));
}

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
    public void NoFolderYet_NothingToRemove() =>
        Assert.Equal(0, TestFiles.RemoveEndedRuns(Path.Combine(Path.GetTempPath(), $"sendworkflow-none-{Guid.NewGuid():N}")));
}

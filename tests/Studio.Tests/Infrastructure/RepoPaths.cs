namespace SendWorkflow.Studio.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Where a screenshot goes: the README's folder when SENDWF_SCREENSHOTS=1 (to refresh them), else a temp folder,
    /// so an ordinary test run leaves the working tree clean.
    /// </summary>
    public static string Screenshot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("SENDWF_SCREENSHOTS") == "1"
            ? Path.Combine(Root, "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "sendworkflow-screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SendWorkflow.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("SendWorkflow.sln not found above the test folder.");
    }
}

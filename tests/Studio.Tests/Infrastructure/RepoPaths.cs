namespace SendWorkflow.Studio.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Screenshot(string name)
    {
        var folder = Path.Combine(Root, "docs", "screenshots");
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

namespace SendWorkflow.Host;

/// <summary>Where the definitions folder and the database file live.</summary>
public sealed class SendWorkflowPaths
{
    public SendWorkflowPaths(IConfiguration config, IHostEnvironment env)
    {
        Definitions = config["Definitions:Path"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Find(env.ContentRootPath) ?? Find(AppContext.BaseDirectory)
              ?? throw new DirectoryNotFoundException("Could not find the definitions folder; set Definitions__Path.");
        Root = Path.GetDirectoryName(Definitions)!;
    }

    public string Definitions { get; }
    public string Root { get; }
    public string Workflows => Path.Combine(Definitions, "workflows");
    public string Calendars => Path.Combine(Definitions, "calendars");
    public string Boroughs => Path.Combine(Definitions, "boroughs");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "definitions");
            if (Directory.Exists(Path.Combine(candidate, "workflows"))) return candidate;
        }
        return null;
    }
}

using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace SendWorkflow.Host;

public static class AppSettings
{
    /// <summary>
    /// The host's arguments, with its settings files read once. By default ASP.NET Core watches the content root and all
    /// its subfolders to reload settings when a file changes, and the SQLite database lives below it (<c>data/</c>): every
    /// write to the WAL woke the watcher, which looked at the file again (4,000 times a second under load, on a core the
    /// events need). Settings are read at start-up; a change takes effect at the next start. A later
    /// <c>--hostBuilder:reloadConfigOnChange=true</c> on the command line still turns the watching back on.
    /// </summary>
    public static string[] WithoutWatchingSettings(string[] args) => ["--hostBuilder:reloadConfigOnChange=false", .. args];

    /// <summary>
    /// Reads the appsettings.json built beside the application too. The host reads it from the content root, which is
    /// the current folder: started from the repository root (<c>dotnet run --project src/Host</c>) that has none, and the
    /// service would run without its settings, logging every request's path (pupil ids, calendar secrets) at Information.
    /// It comes first, so the content root's file, environment variables and the command line still override it.
    /// </summary>
    public static WebApplicationBuilder AddSettingsBesideTheApplication(this WebApplicationBuilder builder)
    {
        var folder = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(folder, "appsettings.json"))
            && !string.Equals(Path.GetFullPath(folder).TrimEnd('/', '\\'), Path.GetFullPath(builder.Environment.ContentRootPath).TrimEnd('/', '\\'),
                StringComparison.Ordinal))
        {
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                Path = "appsettings.json", Optional = true, ReloadOnChange = false, FileProvider = new PhysicalFileProvider(folder),
            });
        }
        return builder;
    }
}

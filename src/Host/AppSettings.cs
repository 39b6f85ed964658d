using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace SendWorkflow.Host;

public static class AppSettings
{
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

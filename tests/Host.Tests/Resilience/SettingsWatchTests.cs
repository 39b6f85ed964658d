using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// The settings files are read at start-up and not watched: a watcher on the content root sees every write to the SQLite
/// database below it (<c>data/</c>), and looking at each cost the events a third of their throughput.
/// </summary>
public sealed class SettingsWatchTests
{
    [Fact]
    public async Task NoSettingsFileIsWatchedForChanges()
    {
        await using var f = new ServiceFactory { ContentRoot = RepoPaths.Root };
        _ = f.CreateClient();
        var files = ((IConfigurationRoot)f.Services.GetRequiredService<IConfiguration>()).Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.NotEmpty(files);
        Assert.All(files, p => Assert.False(p.Source.ReloadOnChange, $"{p.Source.Path} is watched for changes"));
    }
}

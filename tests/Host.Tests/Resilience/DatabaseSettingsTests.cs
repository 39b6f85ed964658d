using SendWorkflow.Host.Commands;
using SendWorkflow.Host.Tests.Timers;
using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// Database settings that cannot work stop the host at once with one line saying what to change (exit code 5); a
/// PostgreSQL server that does not answer yet is waited for, with the reason logged, and the host starts when it answers.
/// </summary>
public sealed class DatabaseSettingsTests
{
    [Theory]
    [InlineData("Oracle", "Data Source=x.db", "Database__Provider must be Sqlite (the default) or Postgres, not 'Oracle'")]
    [InlineData("Postgres", "Data Source=data/sendworkflow.db", "is not a PostgreSQL connection string")]
    [InlineData("Sqlite", "Host=127.0.0.1;Database=sendworkflow;Password=s3cret-value", "is not a SQLite connection string")]
    [InlineData("Postgres", "Database=sendworkflow;Username=x", "names no PostgreSQL server")]
    [InlineData("postgres", "", "needs ConnectionStrings__SendWorkflow")]
    public void SettingsThatCannotWork_AreRefused_SayingWhatToChange(string provider, string connection, string expected)
    {
        var refused = Assert.Throws<DatabaseSettingsException>(() => DatabaseSettings.Parse(provider, connection));
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, DatabaseProvider.Sqlite)]
    [InlineData("SQLite", "Data Source=/srv/x.db", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", "Host=db.example;Database=sendworkflow", DatabaseProvider.Postgres)]
    public void GoodSettings_NameTheirProvider(string? provider, string? connection, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseSettings.Parse(provider, connection).Provider);

    [Theory]
    [InlineData("lots")]
    [InlineData("2")]
    [InlineData("1.5")]
    public void AWalLimitThatIsNotAFewMiB_IsRefused(string limit)
    {
        var refused = Assert.Throws<DatabaseSettingsException>(() => DatabaseSettings.Parse(null, null, limit));
        Assert.Contains($"Database__WalLimitMiB must be a whole number of MiB from 4 to 65536, not '{limit}'", refused.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, DatabaseSettings.DefaultWalLimitMiB)]
    [InlineData("64", 64)]
    public void TheWalLimit_IsTheDefaultUnlessSet(string? limit, int expected) =>
        Assert.Equal(expected, DatabaseSettings.Parse(null, null, limit).WalLimitMiB);

    [Fact]
    public async Task AnUnknownProvider_StopsTheHost_WithOneLine()
    {
        await using var child = ChildService.Start("bad-provider", "unused.db", settings: new Dictionary<string, string>
        {
            ["Database__Provider"] = "MySql",
        });
        Assert.Equal(StartupFailure.SettingsExitCode, await child.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("SendWorkflow cannot start: Database__Provider must be Sqlite (the default) or Postgres, not 'MySql'.", child.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", child.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostgresServerThatDoesNotAnswerYet_IsWaitedFor_AndTheHostStartsWhenItAnswers()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sendworkflow-pg-late-{Guid.NewGuid():N}"[..36]);
        var server = new LocalPostgres(folder, LocalPostgres.FreePort(), Durable: false);
        await using var child = ChildService.Start("waits-for-postgres", "unused.db", settings: new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres", ["ConnectionStrings__SendWorkflow"] = server.ConnectionString("sendworkflow"),
        });
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (child.Lines.Count(l => l.Contains("Cannot reach PostgreSQL", StringComparison.Ordinal)) < 2)
            {
                child.AssertRunning();
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"no retries logged:{Environment.NewLine}{child.Output}");
                await Task.Delay(100);
            }
            Assert.Contains($"Cannot reach PostgreSQL 127.0.0.1:{server.Port}/sendworkflow", child.Output, StringComparison.Ordinal);

            await server.StartAsync();
            await server.DatabaseAsync("sendworkflow");
            await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            child.AssertRunning();
        }
        finally
        {
            await child.KillAsync();
            server.Stop(delete: true);
        }
    }
}

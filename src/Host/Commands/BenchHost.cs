namespace SendWorkflow.Host.Commands;

/// <summary>The real service, built without a web server, on a given SQLite file (or PostgreSQL database): for the benchmark commands.</summary>
internal static class BenchHost
{
    /// <param name="postgres">A PostgreSQL connection string to run on instead of the SQLite file.</param>
    public static WebApplication Build(string dbFile, bool simulated, string start = "2026-10-12", string? postgres = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = AppSettings.WithoutWatchingSettings([]) });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:SendWorkflow"] = postgres ?? $"Data Source={dbFile}",
            ["Clock:Mode"] = simulated ? "Simulated" : "System",
            ["Clock:Start"] = start,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // A throwaway database's new key ring is not worth a warning that it is stored unencrypted.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            ["Urls"] = "http://127.0.0.1:0",
        });
        builder.Services.AddSendWorkflow(builder.Configuration, builder.Environment);
        return builder.Build();
    }

    /// <summary>Starts it as the service starts (hosted services, Quartz), on a loopback port nobody uses.</summary>
    public static Task StartAsync(WebApplication app) => app.StartAsync();

    public static Task StopAsync(WebApplication app) => app.StopAsync();

    /// <summary>The temp folder that holds the runs of one command (bench, simulate): each run's folder is made inside it.</summary>
    public static string RunsFolder(string kind) => Path.Combine(Path.GetTempPath(), $"sendworkflow-{kind}");

    /// <summary>A fresh folder for a run's database files.</summary>
    public static string NewFolder(string kind)
    {
        var folder = Path.Combine(RunsFolder(kind), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void DeleteFolder(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    public static Task SeedPupilsAsync(WebApplication app, int pupils) => SeedPupilsAsync(app.Services, pupils);

    /// <summary>One borough, one school and its pupils <c>bench-0</c>, <c>bench-1</c>, ...</summary>
    public static async Task SeedPupilsAsync(IServiceProvider services, int pupils)
    {
        var factory = services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync();
        db.Boroughs.Add(new Borough { Id = "bench-borough", Name = "Bench Borough", CalendarId = "demo-borough", CreatedAt = now });
        db.Schools.Add(new School { Id = "bench-school", Name = "Bench School", BoroughId = "bench-borough", CreatedAt = now });
        for (var i = 0; i < pupils; i++)
        {
            db.Pupils.Add(new Pupil
            {
                Id = $"bench-{i}", Name = $"Bench pupil {i}", DateOfBirth = new DateOnly(2017, 1, 1).AddDays(i % 700),
                SchoolId = "bench-school", YearGroup = 1 + i % 6, CreatedAt = now,
            });
        }
        await db.SaveChangesAsync();
    }
}

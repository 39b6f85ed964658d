using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SendWorkflow.Send.Clock;
using SendWorkflow.Workflows.Stores;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Send.Play;

/// <summary>
/// A throwaway world for one Play session: its own SQLite file in its own folder, a private service provider with the real
/// engine, timer dispatcher and deadline sweep on its own simulated clock, and a catalog whose only version of the
/// definition is the draft. The real calendars are read; nothing of the service's own database is touched. Disposing it
/// deletes the folder.
/// </summary>
internal sealed class PlaySandbox : IAsyncDisposable
{
    public const string BoroughId = "play-borough";
    public const string SchoolId = "play-school";
    public const string PupilId = "play-pupil";

    private readonly ServiceProvider _services;

    private PlaySandbox(string folder, ServiceProvider services, SimulatedTimeProvider clock, CompiledDefinition definition,
        SchoolCalendar calendar)
    {
        Folder = folder;
        Calendar = calendar;
        _services = services;
        Clock = clock;
        Definition = definition;
    }

    public string Folder { get; }
    public SimulatedTimeProvider Clock { get; }
    public CompiledDefinition Definition { get; }
    /// <summary>The term dates of the caller's borough, which the test pupil's school keeps.</summary>
    public SchoolCalendar Calendar { get; }
    public Guid InstanceId { get; private set; }
    public WorkflowEngine Engine => _services.GetRequiredService<WorkflowEngine>();
    public TimerDispatcher Dispatcher => _services.GetRequiredService<TimerDispatcher>();
    public DeadlineSweeper Sweeper => _services.GetRequiredService<DeadlineSweeper>();
    public ITimerQueries Timers => _services.GetRequiredService<ITimerQueries>();
    public IDbContextFactory<SendWorkflowDbContext> Db => _services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();

    /// <summary>
    /// Makes the world from a copy of the empty database, with the test pupil in a school of a borough that keeps the real
    /// borough's term dates and timelines (<paramref name="boroughValues"/>: its parameter values per definition), and starts
    /// the draft for them.
    /// </summary>
    public static async Task<PlaySandbox> CreateAsync(string folder, string template, CompiledDefinition definition,
        IReadOnlyList<CompiledDefinition> others, SchoolCalendar calendar, DateOnly startsOn, PlayFacts facts,
        Func<string, IReadOnlyDictionary<string, double>?> boroughValues, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "play.db");
        File.Copy(template, file);
        var connection = ConnectionString(file);
        var clock = new SimulatedTimeProvider(UkTime.StartOf(startsOn).AddHours(8));
        var catalog = new InMemoryDefinitionCatalog();
        foreach (var other in others) catalog.Add(other);
        catalog.Add(definition);
        // The borough's own timelines, as its pupils would run the pathway.
        foreach (var id in others.Select(o => o.Id).Append(definition.Id))
        {
            if (boroughValues(id) is { } values) catalog.SetBoroughParameters(BoroughId, id, values);
        }
        var calendars = new InMemoryCalendarProvider();
        calendars.Add(BoroughId, calendar);

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSqlitePersistence(connection);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IDefinitionCatalog>(catalog);
        services.AddSingleton<ICalendarProvider>(calendars);
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<TimerDispatcher>();
        services.AddSingleton<DeadlineSweeper>();
        var sandbox = new PlaySandbox(folder, services.BuildServiceProvider(), clock, definition, calendar);
        try
        {
            await sandbox.SeedAsync(calendar.Id, facts, ct);
            sandbox.InstanceId = (await sandbox.Engine.StartAsync(definition.Id, PupilId, "play", ct)).Id;
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>An empty database with the service's schema, made once and copied for each session.</summary>
    public static async Task CreateTemplateAsync(string file, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<SendWorkflowDbContext>().UseSqlite(ConnectionString(file)).Options;
        await using var db = new SendWorkflowDbContext(options);
        await db.Database.EnsureCreatedAsync(ct);
    }

    /// <summary>Sets the test pupil's year group, whether they are looked after, and their school's phase.</summary>
    public async Task SetFactsAsync(PlayFacts facts, CancellationToken ct)
    {
        await using var db = await Db.CreateDbContextAsync(ct);
        var pupil = await db.Pupils.SingleAsync(p => p.Id == PupilId, ct);
        var school = await db.Schools.SingleAsync(s => s.Id == SchoolId, ct);
        pupil.YearGroup = facts.YearGroup;
        pupil.LookedAfter = facts.LookedAfter;
        school.Phase = facts.Phase;
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedAsync(string calendarId, PlayFacts facts, CancellationToken ct)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await using var db = await Db.CreateDbContextAsync(ct);
        db.Boroughs.Add(new Borough { Id = BoroughId, Name = "Play borough", CalendarId = calendarId, CreatedAt = now });
        db.Schools.Add(new School { Id = SchoolId, Name = "Play school", BoroughId = BoroughId, Phase = facts.Phase, CreatedAt = now });
        db.Pupils.Add(new Pupil
        {
            Id = PupilId, Name = "Test pupil", DateOfBirth = new DateOnly(2018, 9, 1), SchoolId = SchoolId, YearGroup = facts.YearGroup,
            LookedAfter = facts.LookedAfter, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }

    // No pooling: when the session ends no connection is left holding the file, so its folder can go.
    // (Written out rather than built with the SQLite library's builder: below the host, only Persistence references it.)
    private static string ConnectionString(string file) => $"Data Source=\"{file.Replace("\"", "\"\"", StringComparison.Ordinal)}\";Pooling=False";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (a reader mid-way) keeps the folder; the next sweep of the Play root removes it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

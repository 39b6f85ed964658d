using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Workflows.Runtime;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Persistence.Tests;

/// <summary>The bench's <c>--profile</c>: the single writer's statements, commits and pages, counted as they happen.</summary>
public sealed class WriterProfileTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sendworkflow-profile-").FullName;
    private ServiceProvider? _services;

    public async ValueTask InitializeAsync()
    {
        _services = new ServiceCollection().AddSqlitePersistence($"Data Source={Path.Combine(_folder, "store.db")};Pooling=False")
            .BuildServiceProvider();
        await using var db = await _services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("INSERT INTO \"Tasks\" (\"Id\", \"Title\") VALUES (@Id, @Title)", "insert Tasks")]
    [InlineData("UPDATE \"Tasks\" SET \"CompletedAt\" = @CompletedAt, \"Status\" = @Status WHERE \"Id\" = @Id AND \"Revision\" = @read",
        "update Tasks (CompletedAt, Status)")]
    [InlineData("BEGIN IMMEDIATE", "BEGIN IMMEDIATE")]
    public void AStatement_IsLabelledByItsTableAndTheColumnsItSets(string sql, string label) =>
        Assert.Equal(label, WriterProfile.Label(sql));

    [Fact]
    public async Task WithTheProfileOn_EveryStatementCommitAndPageIsCounted_AndNothingOnceItIsOff()
    {
        var writer = _services!.GetRequiredService<SqliteWorkflowWriter>();
        var profile = new WriterProfile();
        writer.Profile = profile;
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            writer.WriteAsync(new AuditEntryRecord { Action = "read", Resource = "pupil", Method = "GET", Path = $"/p/{i}" }, default)));
        writer.Profile = null;
        await writer.WriteAsync(new AuditEntryRecord { Action = "read", Resource = "pupil", Method = "GET", Path = "/off" }, default);

        var lines = profile.Lines().ToDictionary(l => l.Label);
        Assert.Equal(40, lines["insert Audit"].Count);
        Assert.Equal(40, profile.ChangeSets);
        Assert.InRange(profile.Commits, 1, 40);
        Assert.Equal(profile.Commits, lines["COMMIT"].Count);
        Assert.Equal(profile.Commits, lines["BEGIN IMMEDIATE"].Count);
        Assert.All(lines.Values, l => Assert.True(l.Time > TimeSpan.Zero, l.Label));
        // Each commit appends at least the audit table's page and its indexes' pages to the log.
        Assert.InRange(profile.Pages, profile.Commits * 2, long.MaxValue);
    }

    [Fact]
    public async Task WithTheProfileOn_EachUnitsReadsAreCounted_AndItsLatencyIsSplitIntoPartsThatAddUp()
    {
        var writer = _services!.GetRequiredService<SqliteWorkflowWriter>();
        var store = _services!.GetRequiredService<IWorkflowStore>();
        var profile = new WriterProfile();
        writer.Profile = profile;
        async Task UnitAsync(int i)
        {
            await using var session = await store.OpenAsync(CancellationToken.None);
            var id = Guid.CreateVersion7();
            Assert.Null(await session.FindInstanceAsync(id, CancellationToken.None));
            Assert.Empty(await session.PendingTimersAsync(id, CancellationToken.None));
            var at = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
            session.Add(new JournalEntry { InstanceId = id, At = at, Kind = "note", State = "a", Detail = $"Unit {i}.", Actor = "t" });
            await session.CommitAsync(CancellationToken.None);
        }
        await Task.WhenAll(Enumerable.Range(0, 30).Select(UnitAsync));
        await using (var readOnly = await store.OpenAsync(CancellationToken.None))
        {
            // A unit that only reads writes nothing: its read counts, and it has no latency to split.
            Assert.Null(await readOnly.FindInstanceAsync(Guid.CreateVersion7(), CancellationToken.None));
            await readOnly.CommitAsync(CancellationToken.None);
        }
        writer.Profile = null;
        await UnitAsync(30);

        Assert.Equal(61, profile.Reads);
        Assert.True(profile.ReadTime > TimeSpan.Zero);
        var bands = profile.Latency().ToDictionary(b => b.Label);
        var all = bands["all"];
        Assert.Equal(30, all.Units);
        Assert.Equal(30, bands["fastest half"].Units + bands["50th to 90th"].Units + bands["90th to 99th"].Units + bands["slowest 1%"].Units);
        Assert.All(bands.Values.Where(b => b.Units > 0), b =>
        {
            Assert.True(b.InUnit > TimeSpan.Zero && b.InBatch > TimeSpan.Zero, b.Label);
            var parts = b.InUnit + b.Waiting + b.InBatch + b.ToResume;
            Assert.InRange((parts - b.Whole).Duration(), TimeSpan.Zero, TimeSpan.FromMicroseconds(5));
        });
        Assert.True(bands["slowest 1%"].Whole >= bands["fastest half"].Whole);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence.Tests;

/// <summary>GUIDs on SQLite as 16 bytes (<see cref="GuidBytes"/>): in the order of their text, and a database of text ids migrated.</summary>
public sealed class GuidBytesTests : IAsyncLifetime
{
    private const string MigrationBefore = "20261201053653_OpenEscalations";
    private readonly string _folder = Directory.CreateTempSubdirectory("sendworkflow-guids-").FullName;
    private ServiceProvider _services = null!;

    public ValueTask InitializeAsync()
    {
        _services = new ServiceCollection().AddSqlitePersistence($"Data Source={File};Pooling=False").BuildServiceProvider();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string File => Path.Combine(_folder, "guids.db");

    private IDbContextFactory<SendWorkflowDbContext> Factory => _services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();

    [Fact]
    public void IdsAsBytes_SortAsTheirText_AndReadBackTheSame()
    {
        var ids = Enumerable.Range(0, 2_000).Select(i => i % 2 == 0 ? Guid.NewGuid() : Guid.CreateVersion7()).ToList();
        var byText = ids.OrderBy(id => id.ToString().ToUpperInvariant(), StringComparer.Ordinal).ToList();
        var byBytes = ids.OrderBy(GuidBytes.Of, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();
        Assert.Equal(byText, byBytes);
        Assert.All(ids, id => Assert.Equal(id, GuidBytes.From(GuidBytes.Of(id))));
        Assert.Equal(16, GuidBytes.Of(ids[0]).Length);
    }

    [Fact]
    public async Task ADatabaseWithIdsAsText_IsMigratedToBytes_AndFoundByThem()
    {
        var (timer, instance, other) = (Guid.CreateVersion7(), Guid.NewGuid(), Guid.NewGuid());
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBefore, TestContext.Current.CancellationToken);
        }
        await using (var connection = new SqliteConnection($"Data Source={File};Pooling=False"))
        {
            // As the service wrote them until then: upper-case text.
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            foreach (var (id, of) in new[] { (timer, instance), (Guid.CreateVersion7(), other) })
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO Timers (Id, InstanceId, State, TimerId, DueAt, Raises, Status, CreatedAt) "
                    + "VALUES ($id, $instance, 'a', 't', '2026-12-01 08:00:00', 'review.due', 'Pending', '2026-11-01 08:00:00')";
                insert.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
                insert.Parameters.AddWithValue("$instance", of.ToString().ToUpperInvariant());
                await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }
        }

        await using (var db = await Factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            var found = await db.Timers.SingleAsync(t => t.Id == timer, TestContext.Current.CancellationToken);
            Assert.Equal(instance, found.InstanceId);
            var ofInstances = new List<Guid> { instance, Guid.NewGuid() };
            Assert.Equal([timer], await db.Timers.Where(t => ofInstances.Contains(t.InstanceId)).Select(t => t.Id)
                .ToListAsync(TestContext.Current.CancellationToken));
            var kinds = await db.Database.SqlQueryRaw<string>("SELECT typeof(Id) AS Value FROM Timers UNION SELECT typeof(InstanceId) FROM Timers")
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["blob"], kinds);
        }

        // The runtime's own reads (prepared statements, not EF) find the migrated timer too.
        var reads = _services.GetRequiredService<SendWorkflow.Workflows.Stores.IWorkflowStore>();
        await using var session = await reads.OpenAsync(TestContext.Current.CancellationToken);
        var pending = await session.PendingTimersAsync(instance, TestContext.Current.CancellationToken);
        Assert.Equal(timer, Assert.Single(pending).Id);
    }
}

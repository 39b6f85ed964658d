using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Persistence.Tests;

/// <summary>A database that refuses writes comes out as one exception, from the single writer and from EF Core alike.</summary>
public sealed class StorageErrorTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sendworkflow-storage-").FullName;
    private string File => Path.Combine(_folder, "store.db");

    public async ValueTask InitializeAsync()
    {
        await using var services = new ServiceCollection().AddSqlitePersistence($"Data Source={File};Pooling=False").BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TheSingleWriter_OnAReadOnlyDatabase_AnswersEveryBatchWithStorageUnavailable_AndKeepsAnswering()
    {
        // Mode=ReadOnly makes SQLite refuse writes the way a read-only file does (SQLITE_READONLY), even for root.
        await using var services = new ServiceCollection().AddSqlitePersistence($"Data Source={File};Mode=ReadOnly;Pooling=False")
            .BuildServiceProvider();
        var writer = services.GetRequiredService<SqliteWorkflowWriter>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // The second attempt proves the connection was reset rather than left broken.
            var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
                writer.WriteAsync(new AuditEntryRecord { Action = "read", Resource = "pupil", Method = "GET", Path = "/x" }, CancellationToken.None));
            Assert.Equal(StorageProblem.ReadOnly, refused.Problem);
            Assert.Contains("read-only", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnEfSave_OnAReadOnlyDatabase_IsStorageUnavailable()
    {
        await using var services = new ServiceCollection().AddSqlitePersistence($"Data Source={File};Mode=ReadOnly;Pooling=False")
            .BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContextAsync();
        db.Boroughs.Add(new Borough { Id = "b", Name = "Borough", CalendarId = "demo-borough" });
        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => db.SaveChangesAsync());
        Assert.Equal(StorageProblem.ReadOnly, refused.Problem);
    }

    [Theory]
    [InlineData(13, StorageProblem.DiskFull)]
    [InlineData(8, StorageProblem.ReadOnly)]
    [InlineData(10, StorageProblem.IoError)]
    [InlineData(14, StorageProblem.CannotOpen)]
    [InlineData(10 | (12 << 8), StorageProblem.IoError)]
    public void StorageCodes_AreRecognisedHoweverDeeplyWrapped(int code, StorageProblem expected)
    {
        var wrapped = new InvalidOperationException("outer", new DbUpdateException("save", new SqliteException("inner", code)));
        Assert.Equal(expected, SqliteStorageErrors.Classify(wrapped)?.Problem);
    }

    [Theory]
    [InlineData(19)]
    [InlineData(5)]
    [InlineData(1)]
    public void OtherCodes_AreNotStorageProblems(int code) =>
        Assert.Null(SqliteStorageErrors.Classify(new DbUpdateException("save", new SqliteException("inner", code))));
}

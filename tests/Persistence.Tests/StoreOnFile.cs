using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// The service's persistence on a SQLite file of its own, migrated, in a temporary folder that goes with it: what the
/// tests of the store, the writer and the state held in memory run on.
/// </summary>
internal sealed class StoreOnFile : IAsyncDisposable
{
    private StoreOnFile(string folder, ServiceProvider services) => (Folder, Services) = (folder, services);

    public string Folder { get; }

    public string File => Path.Combine(Folder, "store.db");

    public ServiceProvider Services { get; }

    public IDbContextFactory<SendWorkflowDbContext> Factory => Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();

    public IWorkflowStore Store => Services.GetRequiredService<IWorkflowStore>();

    public SqliteWorkflowWriter Writer => Services.GetRequiredService<SqliteWorkflowWriter>();

    /// <param name="name">The temporary folder's name begins with it.</param>
    /// <param name="wal">The file in WAL mode before the migrations, as the host opens it.</param>
    public static async Task<StoreOnFile> OpenAsync(string name, bool wal = false)
    {
        var folder = Directory.CreateTempSubdirectory(name).FullName;
        var services = new ServiceCollection().AddSqlitePersistence($"Data Source={Path.Combine(folder, "store.db")};Pooling=False")
            .BuildServiceProvider();
        var store = new StoreOnFile(folder, services);
        await using var db = await store.Factory.CreateDbContextAsync();
        if (wal) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
        return store;
    }

    /// <summary>Borough "b", its school "s" and the school's pupil "p", in Year 3.</summary>
    public async Task AddPupilAsync(DateTime now)
    {
        await using var db = await Factory.CreateDbContextAsync();
        db.Boroughs.Add(new Borough { Id = "b", Name = "Borough", CalendarId = "demo-borough", CreatedAt = now });
        db.Schools.Add(new School { Id = "s", Name = "School", BoroughId = "b", CreatedAt = now });
        db.Pupils.Add(new Pupil { Id = "p", Name = "Pupil", SchoolId = "s", YearGroup = 3, DateOfBirth = new DateOnly(2019, 1, 2), CreatedAt = now });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

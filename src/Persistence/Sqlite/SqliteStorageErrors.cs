using Microsoft.Data.Sqlite;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Recognises SQLite's storage failures (SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN) anywhere in an
/// exception's chain (EF Core, Identity and Quartz wrap them) and turns them into one <see cref="StorageUnavailableException"/>
/// whose message says what an operator should do. Messages name the database file, never a row's contents.
/// </summary>
public static class SqliteStorageErrors
{
    private const int Full = 13;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int CannotOpen = 14;

    /// <summary>The storage failure behind <paramref name="exception"/>, or null if it is something else.</summary>
    public static StorageUnavailableException? Classify(Exception? exception, string? databaseFile = null)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is StorageUnavailableException known) return known;
            if (ex is SqliteException sqlite && ProblemOf(sqlite.SqliteErrorCode) is { } problem)
                return new StorageUnavailableException(problem, Describe(problem, databaseFile), exception);
            if (ex is AggregateException { InnerExceptions.Count: > 0 } many)
                return many.InnerExceptions.Select(e => Classify(e, databaseFile)).FirstOrDefault(c => c is not null);
        }
        return null;
    }

    public static string Describe(StorageProblem problem, string? databaseFile)
    {
        var file = databaseFile is null ? "The database file" : $"The database file {databaseFile}";
        return problem switch
        {
            StorageProblem.DiskFull => $"{file} cannot grow: its disk is full. Free space on that disk (or move the database to a " +
                                       "bigger one with ConnectionStrings__SendWorkflow); the service recovers by itself once there is room.",
            StorageProblem.ReadOnly => $"{file} is read-only: give the service write access to the file and its folder, or set " +
                                       "ConnectionStrings__SendWorkflow to a writable place.",
            StorageProblem.CannotOpen => $"{file} cannot be opened for writing: it or its folder is read-only or missing (SQLite " +
                                         "creates -wal and -shm files beside it). Give the service write access to its folder, or set " +
                                         "ConnectionStrings__SendWorkflow to a writable place.",
            _ => $"{file} could not be read or written (an I/O error): check the disk and its free space, then try again.",
        };
    }

    private static StorageProblem? ProblemOf(int code) => (code & 0xFF) switch
    {
        Full => StorageProblem.DiskFull,
        ReadOnly => StorageProblem.ReadOnly,
        IoError => StorageProblem.IoError,
        CannotOpen => StorageProblem.CannotOpen,
        _ => null,
    };
}

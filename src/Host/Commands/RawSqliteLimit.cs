using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SendWorkflow.Host.Commands;

/// <summary>
/// What SQLite itself does on this machine for a transaction shaped like a small event, measured beside the benchmark so
/// that its events per second read as a share of the limit: one select, one update and four inserts into small tables,
/// one transaction each, WAL and <c>synchronous=NORMAL</c> as the service runs it, on a file in the benchmark's folder.
/// </summary>
internal static class RawSqliteLimit
{
    public static double TransactionsPerSecond(string folder, int transactions = 20_000)
    {
        var file = Path.Combine(folder, "raw-limit.db");
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        Run(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Run(connection, "CREATE TABLE pupil(id INTEGER PRIMARY KEY, state TEXT, stamp INTEGER, facts TEXT);"
            + "CREATE TABLE entry(id INTEGER PRIMARY KEY, pupil INTEGER, at TEXT, kind TEXT, text TEXT);"
            + "CREATE TABLE task(id INTEGER PRIMARY KEY, pupil INTEGER, title TEXT, due TEXT, status TEXT);"
            + "CREATE TABLE timer(id INTEGER PRIMARY KEY, pupil INTEGER, due TEXT, status TEXT);"
            + "CREATE INDEX timer_due ON timer(status, due);");
        const int Pupils = 10_000;
        using (var seed = connection.BeginTransaction())
        {
            using var insert = Command(connection, "INSERT INTO pupil VALUES($id, 'first', 1, '{}')", "$id");
            for (var i = 0; i < Pupils; i++)
            {
                insert.Parameters[0].Value = i;
                insert.ExecuteNonQuery();
            }
            seed.Commit();
        }
        using var read = Command(connection, "SELECT stamp FROM pupil WHERE id = $id", "$id");
        using var update = Command(connection,
            "UPDATE pupil SET state = 'next', stamp = stamp + 1, facts = $facts WHERE id = $id AND stamp = $stamp", "$facts", "$id", "$stamp");
        using var entry = Command(connection,
            "INSERT INTO entry(pupil, at, kind, text) VALUES($p, '2026-11-30T09:00:00Z', 'moved', $text)", "$p", "$text");
        using var task = Command(connection,
            "INSERT INTO task(pupil, title, due, status) VALUES($p, 'Meet the parents', '2026-12-07', 'open')", "$p");
        using var timer = Command(connection, "INSERT INTO timer(pupil, due, status) VALUES($p, '2027-01-18T08:00:00Z', 'pending')", "$p");
        var random = new Random(15);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < transactions; n++)
        {
            var id = random.Next(Pupils);
            using var tx = connection.BeginTransaction();
            foreach (var c in new[] { read, update, entry, task, timer }) c.Transaction = tx;
            read.Parameters[0].Value = id;
            var stamp = (long)read.ExecuteScalar()!;
            (update.Parameters[0].Value, update.Parameters[1].Value, update.Parameters[2].Value) = ("{\"progress\":\"little\"}", id, stamp);
            update.ExecuteNonQuery();
            foreach (var text in new[] { "little progress after six weeks", "entered initial concern" })
            {
                (entry.Parameters[0].Value, entry.Parameters[1].Value) = (id, text);
                entry.ExecuteNonQuery();
            }
            task.Parameters[0].Value = id;
            task.ExecuteNonQuery();
            timer.Parameters[0].Value = id;
            timer.ExecuteNonQuery();
            tx.Commit();
        }
        var perSecond = transactions / clock.Elapsed.TotalSeconds;
        connection.Close();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        return perSecond;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(new SqliteParameter(p, null));
        return command;
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

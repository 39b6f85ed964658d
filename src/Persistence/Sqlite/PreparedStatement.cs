using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// One of the writer's statements (or of the engine's reads, <see cref="SqliteReaders"/>), prepared once on its connection
/// and run through SQLite's own interface, its parameters bound by position. Through ADO.NET each run looked up every
/// parameter by name, formatted it through a provider-neutral binder and walked a reader (binding alone took a quarter of
/// the writer's time), for statements that run 20 times an event. The values are written exactly as Microsoft.Data.Sqlite
/// writes them for EF Core (GUIDs as their 16 bytes (GuidBytes), instants as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, dates as
/// <c>yyyy-MM-dd</c>), so what EF reads and compares finds them, and read back as it reads them.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int _parameters;
    private int _bound;

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The writer's connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
        _parameters = raw.sqlite3_bind_parameter_count(_statement);
    }

    /// <summary>
    /// Binds the value EF Core's converter gave for a column (its provider value) to the parameter at
    /// <paramref name="index"/> (from 1).
    /// </summary>
    public void Bind(int index, object? value) => BindEncoded(index, Encode(value));

    /// <summary>
    /// A provider value as the statement binds it, which the writer works out ahead (on the caller's thread): text (strings,
    /// instants, dates) as its UTF-8 bytes, GUIDs as their 16 bytes (a <see cref="Blob"/>), whole numbers as a long, a
    /// double, or null. <see cref="BindEncoded"/> binds it.
    /// </summary>
    public static object? Encode(object? value) => value switch
    {
        null => null,
        string s => Encoding.UTF8.GetBytes(s),
        Guid g => new Blob(GuidBytes.Of(g)),
        byte[] bytes => new Blob(bytes),
        DateTime d => SqliteText.Instant(d),
        DateOnly d => SqliteText.Date(d),
        int i => (long)i,
        long l => l,
        bool b => b ? 1L : 0L,
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture),
        double x => x,
        _ => throw new NotSupportedException($"SQLite's statements cannot bind a {value.GetType().Name}; add it to {nameof(PreparedStatement)}."),
    };

    /// <summary>Binds a value <see cref="Encode"/> gave to the parameter at <paramref name="index"/> (from 1).</summary>
    public void BindEncoded(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            byte[] text => raw.sqlite3_bind_text(_statement, index, text.AsSpan()),
            Blob blob => raw.sqlite3_bind_blob(_statement, index, blob.Bytes),
            long l => raw.sqlite3_bind_int64(_statement, index, l),
            double x => raw.sqlite3_bind_double(_statement, index, x),
            _ => throw new NotSupportedException($"{value.GetType().Name} is not a value {nameof(Encode)} gives."),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
        _bound++;
    }

    /// <summary>Runs the statement with the values bound since the last run; returns the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            Next();
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>
    /// Steps a query with the values bound since the last run: true while it has a row, whose columns the <c>Value</c>s
    /// read. <see cref="Reset"/> ends it, and with it the read (a read left open would hold the WAL's rewinds back).
    /// </summary>
    public bool Next()
    {
        if (_bound != _parameters) throw new InvalidOperationException($"{_bound} values bound to a statement of {_parameters} parameters.");
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    public void Reset()
    {
        _bound = 0;
        raw.sqlite3_reset(_statement);
    }

    /// <summary>
    /// The value of the row's <paramref name="column"/> (from 0) as a value of <paramref name="type"/>, the type EF Core's
    /// converter reads from (its provider type), parsed as Microsoft.Data.Sqlite parses it for EF; null for NULL.
    /// </summary>
    public object? Value(int column, Type type)
    {
        if (raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL) return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return Text(column);
        if (type == typeof(byte[])) return raw.sqlite3_column_blob(_statement, column).ToArray();
        if (type == typeof(Guid)) return GuidBytes.From(raw.sqlite3_column_blob(_statement, column).ToArray());
        if (type == typeof(DateTime)) return SqliteText.ReadInstant(raw.sqlite3_column_blob(_statement, column));
        if (type == typeof(DateOnly)) return SqliteText.ReadDate(raw.sqlite3_column_blob(_statement, column));
        if (type == typeof(int)) return (int)raw.sqlite3_column_int64(_statement, column);
        if (type == typeof(long)) return raw.sqlite3_column_int64(_statement, column);
        if (type == typeof(bool)) return raw.sqlite3_column_int64(_statement, column) != 0;
        if (type.IsEnum) return Enum.ToObject(type, raw.sqlite3_column_int64(_statement, column));
        if (type == typeof(double)) return raw.sqlite3_column_double(_statement, column);
        throw new NotSupportedException($"The reader cannot read a {type.Name}; add it to {nameof(PreparedStatement)}.");
    }

    /// <summary>The bytes of the row's <paramref name="column"/> (text as its UTF-8), valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(_statement, column);

    /// <summary>True when the row's <paramref name="column"/> (from 0) is NULL.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    private string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Dispose() => _statement.Dispose();

    /// <summary>Bytes bound as a blob (a GUID's 16: <see cref="GuidBytes"/>), where a plain byte array is text's UTF-8.</summary>
    public sealed record Blob(byte[] Bytes);
}

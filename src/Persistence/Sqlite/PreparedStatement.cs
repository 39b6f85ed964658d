using System.Globalization;
using System.Runtime.InteropServices;
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
/// A statement is prepared through SQLitePCLRaw, which owns its handle and finalizes it; each run then calls SQLite
/// directly with the handle's pointer (<see cref="Native"/>): through SQLitePCLRaw each of a run's dozen calls went through
/// its provider's interface and took and released a reference on both handles, 1.9% of the simulated year's CPU samples
/// (docs/benchmark-log.md, 3 December 2026, afternoon). The handles outlive every call: this object holds them until
/// <see cref="Dispose"/>, after which it is not used.
/// </summary>
internal sealed unsafe class PreparedStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _dbPointer;
    private readonly IntPtr _pointer;
    private readonly int _parameters;
    private int _bound;

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        Sql = sql;
        _db = connection.Handle ?? throw new InvalidOperationException("The writer's connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
        _parameters = raw.sqlite3_bind_parameter_count(_statement);
        _dbPointer = _db.DangerousGetHandle();
        _pointer = _statement.DangerousGetHandle();
    }

    /// <summary>The statement's text, as prepared.</summary>
    public string Sql { get; }

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
            null => Native.sqlite3_bind_null(_pointer, index),
            byte[] text => BindText(index, text),
            Blob blob => BindBlob(index, blob.Bytes),
            long l => Native.sqlite3_bind_int64(_pointer, index, l),
            double x => Native.sqlite3_bind_double(_pointer, index, x),
            _ => throw new NotSupportedException($"{value.GetType().Name} is not a value {nameof(Encode)} gives."),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
        _bound++;
    }

    // SQLite copies the bytes before the call returns (SQLITE_TRANSIENT). An empty array is pinned as no address at all, which
    // SQLite would bind as NULL: an empty text or blob points at a byte of its own, with a length of 0.
    private int BindText(int index, byte[] text)
    {
        fixed (byte* bytes = text.Length == 0 ? NoBytes : text)
        {
            return Native.sqlite3_bind_text(_pointer, index, bytes, text.Length, Native.Transient);
        }
    }

    private int BindBlob(int index, byte[] blob)
    {
        fixed (byte* bytes = blob.Length == 0 ? NoBytes : blob)
        {
            return Native.sqlite3_bind_blob(_pointer, index, bytes, blob.Length, Native.Transient);
        }
    }

    private static readonly byte[] NoBytes = [0];

    /// <summary>Runs the statement with the values bound since the last run; returns the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            Next();
            return Native.sqlite3_changes(_dbPointer);
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
        var rc = Native.sqlite3_step(_pointer);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    public void Reset()
    {
        _bound = 0;
        // Its code repeats the last step's, which that step's caller was given.
        _ = Native.sqlite3_reset(_pointer);
    }

    /// <summary>
    /// The value of the row's <paramref name="column"/> (from 0) as a value of <paramref name="type"/>, the type EF Core's
    /// converter reads from (its provider type), parsed as Microsoft.Data.Sqlite parses it for EF; null for NULL.
    /// </summary>
    public object? Value(int column, Type type)
    {
        if (IsNull(column)) return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return Encoding.UTF8.GetString(Bytes(column));
        if (type == typeof(byte[])) return Bytes(column).ToArray();
        if (type == typeof(Guid)) return GuidBytes.From(Bytes(column).ToArray());
        if (type == typeof(DateTime)) return SqliteText.ReadInstant(Bytes(column));
        if (type == typeof(DateOnly)) return SqliteText.ReadDate(Bytes(column));
        if (type == typeof(int)) return (int)Native.sqlite3_column_int64(_pointer, column);
        if (type == typeof(long)) return Native.sqlite3_column_int64(_pointer, column);
        if (type == typeof(bool)) return Native.sqlite3_column_int64(_pointer, column) != 0;
        if (type.IsEnum) return Enum.ToObject(type, Native.sqlite3_column_int64(_pointer, column));
        if (type == typeof(double)) return Native.sqlite3_column_double(_pointer, column);
        throw new NotSupportedException($"The reader cannot read a {type.Name}; add it to {nameof(PreparedStatement)}.");
    }

    /// <summary>The bytes of the row's <paramref name="column"/> (text as its UTF-8), valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> Bytes(int column)
    {
        // The pointer first, then the length: asking for the bytes may convert the value, which changes its length.
        var bytes = Native.sqlite3_column_blob(_pointer, column);
        return new ReadOnlySpan<byte>(bytes, Native.sqlite3_column_bytes(_pointer, column));
    }

    /// <summary>True when the row's <paramref name="column"/> (from 0) is NULL.</summary>
    public bool IsNull(int column) => Native.sqlite3_column_type(_pointer, column) == raw.SQLITE_NULL;

    public void Dispose() => _statement.Dispose();

    /// <summary>
    /// SQLite's functions for a statement's runs, on the handles' pointers. The few that only read or set a value in the
    /// statement, never wait and never call back, skip the runtime's switch out of managed code.
    /// </summary>
    private static class Native
    {
        private const string Library = "e_sqlite3";

        // SQLITE_TRANSIENT: SQLite copies the value before the call returns.
        public static readonly IntPtr Transient = new(-1);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_step(IntPtr statement);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_reset(IntPtr statement);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_changes(IntPtr db);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_bind_text(IntPtr statement, int index, byte* value, int length, IntPtr destructor);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_bind_blob(IntPtr statement, int index, byte* value, int length, IntPtr destructor);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern int sqlite3_bind_null(IntPtr statement, int index);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern int sqlite3_bind_int64(IntPtr statement, int index, long value);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern int sqlite3_bind_double(IntPtr statement, int index, double value);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern int sqlite3_column_type(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern long sqlite3_column_int64(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern double sqlite3_column_double(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern byte* sqlite3_column_blob(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern int sqlite3_column_bytes(IntPtr statement, int column);
    }

    /// <summary>Bytes bound as a blob (a GUID's 16: <see cref="GuidBytes"/>), where a plain byte array is text's UTF-8.</summary>
    public sealed record Blob(byte[] Bytes);
}

using Microsoft.Data.Sqlite;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Every statement the single writer runs from a moment on, with the values bound to it, beside a copy of the database
/// as it was at that moment (<c>simulate --record</c>). <see cref="SqliteWorkflowWriter.ReplayAsync"/> runs them again on
/// that copy, alone: what the writes of a simulated year cost SQLite on this machine with nothing else running, the
/// floor under any way of ordering the rest of the work around the one writer. For the bench, never a service: it holds
/// pupils' data as it was written.
/// </summary>
internal sealed class WriterRecording : IDisposable
{
    /// <summary>The copy of the database the statements start from, in the recording's folder.</summary>
    public const string StartFile = "start.db";

    /// <summary>The statements, in the order the writer ran them, in the recording's folder.</summary>
    public const string StatementsFile = "statements.bin";

    private const byte Text = 1, Blob = 2, Whole = 3, Real = 4, Null = 0;
    private const byte NewSql = (byte)'D', Run = (byte)'S';

    private readonly BinaryWriter _out;
    private readonly Dictionary<string, int> _sqlIds = new(StringComparer.Ordinal);

    private WriterRecording(string file) => _out = new BinaryWriter(new BufferedStream(File.Create(file), 1 << 20));

    /// <summary>True when <paramref name="folder"/> holds a recording (both its files).</summary>
    public static bool IsIn(string folder) =>
        File.Exists(Path.Combine(folder, StartFile)) && File.Exists(Path.Combine(folder, StatementsFile));

    /// <summary>The statements written so far.</summary>
    public long Statements { get; private set; }

    /// <summary>
    /// Copies the database through <paramref name="connection"/> (the writer's, between two of its transactions, so that no
    /// commit falls between the copy and the first statement recorded) and begins the recording in <paramref name="folder"/>.
    /// </summary>
    public static async Task<WriterRecording> StartAsync(SqliteConnection connection, string folder)
    {
        Directory.CreateDirectory(folder);
        var start = Path.Combine(folder, StartFile);
        if (File.Exists(start)) throw new IOException($"{folder} already holds a recording; name an empty folder.");
        await using (var copy = connection.CreateCommand())
        {
            copy.CommandText = "VACUUM INTO $file";
            copy.Parameters.AddWithValue("$file", start);
            await copy.ExecuteNonQueryAsync();
        }
        return new WriterRecording(Path.Combine(folder, StatementsFile));
    }

    /// <summary>A statement about to run, with its values as <see cref="PreparedStatement.Encode"/> gave them.</summary>
    public void Statement(string sql, IReadOnlyList<object?> values)
    {
        if (!_sqlIds.TryGetValue(sql, out var id))
        {
            id = _sqlIds.Count;
            _sqlIds[sql] = id;
            _out.Write(NewSql);
            _out.Write(id);
            _out.Write(sql);
        }
        _out.Write(Run);
        _out.Write(id);
        _out.Write(values.Count);
        foreach (var value in values) Write(value);
        Statements++;
    }

    private void Write(object? value)
    {
        switch (value)
        {
            case null:
                _out.Write(Null);
                break;
            case byte[] text:
                _out.Write(Text);
                _out.Write(text.Length);
                _out.Write(text);
                break;
            case PreparedStatement.Blob blob:
                _out.Write(Blob);
                _out.Write(blob.Bytes.Length);
                _out.Write(blob.Bytes);
                break;
            case long whole:
                _out.Write(Whole);
                _out.Write(whole);
                break;
            case double real:
                _out.Write(Real);
                _out.Write(real);
                break;
            default:
                throw new NotSupportedException($"{value.GetType().Name} is not a value {nameof(PreparedStatement.Encode)} gives.");
        }
    }

    /// <summary>The statements of a recording, in order, each with its values ready to bind.</summary>
    public static IEnumerable<(string Sql, object?[] Values)> Read(string folder)
    {
        using var input = new BinaryReader(new BufferedStream(File.OpenRead(Path.Combine(folder, StatementsFile)), 1 << 20));
        var sqls = new Dictionary<int, string>();
        while (input.BaseStream.Position < input.BaseStream.Length)
        {
            if (input.ReadByte() == NewSql)
            {
                var id = input.ReadInt32();
                sqls[id] = input.ReadString();
                continue;
            }
            var sql = sqls[input.ReadInt32()];
            var values = new object?[input.ReadInt32()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = input.ReadByte() switch
                {
                    Null => null,
                    Text => input.ReadBytes(input.ReadInt32()),
                    Blob => new PreparedStatement.Blob(input.ReadBytes(input.ReadInt32())),
                    Whole => input.ReadInt64(),
                    Real => input.ReadDouble(),
                    var tag => throw new InvalidDataException($"A value of kind {tag} in {folder}: not a recording of this version."),
                };
            }
            yield return (sql, values);
        }
    }

    public void Dispose()
    {
        _out.Flush();
        _out.Dispose();
    }
}

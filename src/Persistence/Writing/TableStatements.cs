using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence.Writing;

/// <summary>
/// The insert and the guarded update of one entity's table, with the columns and value conversions taken from the
/// EF Core model, so the writers and EF read and write the same columns the same way (on SQLite GUIDs and instants as
/// text, enums as their names) and a new property needs no SQL written by hand.
/// </summary>
internal sealed class TableStatements<T> where T : class
{
    private readonly IProperty[] _inserted;
    private readonly IProperty[] _updated;
    private readonly IProperty[] _key;
    private readonly IProperty? _guard;
    // What binding a row needs, looked up once: a statement runs for every row of every event.
    private readonly Binding[] _insertBindings;
    private readonly Binding[] _updatedBindings;
    private readonly Binding[] _keyBindings;
    private readonly Func<T, T, bool>[] _sameValue;
    private readonly RelationalTypeMapping? _guardMapping;
    private readonly string _table;
    // The update of each set of changed columns (a bit per updatable column), made when first needed.
    private readonly ConcurrentDictionary<ulong, Update> _updates = new();

    /// <summary>An update of some of the columns: its SQL and what it binds, in order (the columns set, the key, then @read).</summary>
    internal sealed record Update(string Sql, Binding[] Bindings);

    internal sealed record Binding(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable)
    {
        public static Binding Of(IProperty p) => new(Parameter(p), p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable)
        {
            Names = EnumText.Of(p.GetRelationalTypeMapping().Converter),
        };

        /// <summary>The names of an enum stored as text, as UTF-8 (null for any other column).</summary>
        public EnumText? Names { get; private init; }

        /// <summary>The column's value as the SQLite writer binds it (<see cref="PreparedStatement.Encode"/>).</summary>
        public object? Encoded(T entity)
        {
            var value = Getter.GetClrValue(entity);
            return value is not null && Names?.Name(value) is { } name ? name : PreparedStatement.Encode(ToProvider(Mapping, value));
        }
    }

    /// <summary>A value as the database stores it: EF Core's value converter of the column's mapping applied.</summary>
    internal static object? ToProvider(RelationalTypeMapping mapping, object? value) =>
        value is null || mapping.Converter is not { } converter ? value : converter.ConvertToProvider(value);

    /// <param name="guard">The property an update is conditional on (its value when read), or null for inserts only.</param>
    public TableStatements(IModel model, string? guard = null)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = type.GetTableName()!;
        // Not the columns the model has no property of the entity for (the journal's chain on SQLite, JournalChain): a
        // writer that keeps them binds them itself.
        var properties = type.GetProperties().Where(p => !p.IsShadowProperty()).ToArray();
        _key = type.FindPrimaryKey()!.Properties.ToArray();
        // Row numbers the database generates (the journal's and milestones' integer keys) are left to it; GUID keys
        // are made by the runtime (version 7, time-ordered) and written like any other column.
        _inserted = properties.Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long))).ToArray();
        _updated = properties.Where(p => !_key.Contains(p)).ToArray();
        _guard = guard is null ? null : type.FindProperty(guard) ?? throw new InvalidOperationException($"{typeof(T).Name} has no {guard}.");
        if (_updated.Length > 64) throw new InvalidOperationException($"{typeof(T).Name} has more than 64 columns to update.");
        _table = table;
        _insertBindings = _inserted.Select(Binding.Of).ToArray();
        _updatedBindings = _updated.Select(Binding.Of).ToArray();
        _keyBindings = _key.Select(Binding.Of).ToArray();
        _sameValue = _updated.Select(SameValue).ToArray();
        _guardMapping = _guard?.GetRelationalTypeMapping();
        InsertSql = $"INSERT INTO \"{table}\" ({string.Join(", ", _inserted.Select(Column))}) "
            + $"VALUES ({string.Join(", ", _inserted.Select(Parameter))})";
    }

    public string InsertSql { get; }

    /// <summary>
    /// The update of the row as changed since it was read: it sets only the columns whose values differ from
    /// <paramref name="read"/> (every column when the row as read is not known), and the guard, and lands only where the
    /// guard still has the value it was read with. SQLite rewrites an index entry for each index that holds a column an
    /// UPDATE sets, changed or not, and each page it touches is written to the log: an instance's move that set every
    /// column rewrote its entries in all five of its indexes, where only its state's changed.
    /// </summary>
    public Update UpdateOf(T entity, T? read)
    {
        if (_guard is null) throw new InvalidOperationException($"{typeof(T).Name} is written by inserts only.");
        var changed = 0UL;
        for (var i = 0; i < _updated.Length; i++)
        {
            if (read is null || _updated[i] == _guard || !_sameValue[i](entity, read)) changed |= 1UL << i;
        }
        return _updates.GetOrAdd(changed, MakeUpdate);
    }

    private Update MakeUpdate(ulong changed)
    {
        var set = Enumerable.Range(0, _updated.Length).Where(i => (changed & (1UL << i)) != 0).ToArray();
        var sql = $"UPDATE \"{_table}\" SET {string.Join(", ", set.Select(i => $"{Column(_updated[i])} = {Parameter(_updated[i])}"))} "
            + $"WHERE {string.Join(" AND ", _key.Select(p => $"{Column(p)} = {Parameter(p)}"))} AND {Column(_guard!)} = @read";
        return new Update(sql, set.Select(i => _updatedBindings[i]).Concat(_keyBindings).ToArray());
    }

    public void BindInsert(DbCommand command, T entity) => Bind(command, entity, _insertBindings, null);

    public void BindUpdate(DbCommand command, Update update, T entity, object readValue) => Bind(command, entity, update.Bindings, readValue);

    /// <summary>A new row's values for <see cref="InsertSql"/> in the order of its parameters, encoded for the SQLite writer.</summary>
    public object?[] InsertValues(T entity) => Values(entity, _insertBindings, null);

    /// <summary>A changed row's values for its update (<see cref="UpdateOf"/>) in the order of its parameters, encoded.</summary>
    public object?[] UpdateValues(Update update, T entity, object readValue) => Values(entity, update.Bindings, readValue);

    // The parameters are numbered in the order they first appear in the SQL: the bindings' order, then @read.
    private object?[] Values(T entity, Binding[] bindings, object? readValue)
    {
        var guarded = _guardMapping is not null && readValue is not null;
        var values = new object?[bindings.Length + (guarded ? 1 : 0)];
        for (var i = 0; i < bindings.Length; i++) values[i] = bindings[i].Encoded(entity);
        if (guarded) values[^1] = PreparedStatement.Encode(ToProvider(_guardMapping!, readValue));
        return values;
    }

    private void Bind(DbCommand command, T entity, Binding[] bindings, object? readValue)
    {
        command.Parameters.Clear();
        foreach (var b in bindings)
            command.Parameters.Add(b.Mapping.CreateParameter(command, b.Name, b.Getter.GetClrValue(entity), b.Nullable));
        if (_guardMapping is not null && readValue is not null)
            command.Parameters.Add(_guardMapping.CreateParameter(command, "@read", readValue, nullable: false));
    }

    // Whether a column holds the same value in two rows, compared as its own type, as Equals compared them boxed: boxing
    // both values of each column of each row written was 85 MiB of the 3,413 MiB the 10,000-pupil year allocated
    // (docs/benchmark-log.md, late evening of 4 December 2026).
    private static Func<T, T, bool> SameValue(IProperty p)
    {
        if (p.PropertyInfo is not { GetMethod: not null } info || !info.DeclaringType!.IsAssignableFrom(typeof(T)))
        {
            var getter = p.GetGetter();
            return (a, b) => Equals(getter.GetClrValue(a), getter.GetClrValue(b));
        }
        var (left, right) = (Expression.Parameter(typeof(T), "a"), Expression.Parameter(typeof(T), "b"));
        var comparer = typeof(EqualityComparer<>).MakeGenericType(info.PropertyType);
        var equals = comparer.GetMethod(nameof(EqualityComparer<int>.Equals), [info.PropertyType, info.PropertyType])!;
        var call = Expression.Call(Expression.Property(null, comparer, nameof(EqualityComparer<int>.Default)), equals,
            Expression.Property(left, info), Expression.Property(right, info));
        return Expression.Lambda<Func<T, T, bool>>(call, left, right).Compile();
    }

    private static string Column(IProperty p) => $"\"{p.GetColumnName()}\"";

    private static string Parameter(IProperty p) => "@" + p.Name;
}

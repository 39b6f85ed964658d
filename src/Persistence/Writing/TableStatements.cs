using System.Data.Common;
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
    private readonly Binding[] _updateBindings;
    private readonly RelationalTypeMapping? _guardMapping;

    private sealed record Binding(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable)
    {
        public static Binding Of(IProperty p) => new(Parameter(p), p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable);

        /// <summary>The column's value as the database stores it (EF Core's value converter applied).</summary>
        public object? ProviderValue(T entity) => ToProvider(Mapping, Getter.GetClrValue(entity));
    }

    /// <summary>A value as the database stores it: EF Core's value converter of the column's mapping applied.</summary>
    internal static object? ToProvider(RelationalTypeMapping mapping, object? value) =>
        value is null || mapping.Converter is not { } converter ? value : converter.ConvertToProvider(value);

    /// <param name="guard">The property an update is conditional on (its value when read), or null for inserts only.</param>
    public TableStatements(IModel model, string? guard = null)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = type.GetTableName()!;
        var properties = type.GetProperties().ToArray();
        _key = type.FindPrimaryKey()!.Properties.ToArray();
        // Row numbers the database generates (the journal's and milestones' integer keys) are left to it; GUID keys
        // are made by the runtime (version 7, time-ordered) and written like any other column.
        _inserted = properties.Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long))).ToArray();
        _updated = properties.Where(p => !_key.Contains(p)).ToArray();
        _guard = guard is null ? null : type.FindProperty(guard) ?? throw new InvalidOperationException($"{typeof(T).Name} has no {guard}.");
        _insertBindings = _inserted.Select(Binding.Of).ToArray();
        _updateBindings = _updated.Concat(_key).Select(Binding.Of).ToArray();
        _guardMapping = _guard?.GetRelationalTypeMapping();
        InsertSql = $"INSERT INTO \"{table}\" ({string.Join(", ", _inserted.Select(Column))}) "
            + $"VALUES ({string.Join(", ", _inserted.Select(Parameter))})";
        UpdateSql = _guard is null ? "" : $"UPDATE \"{table}\" SET {string.Join(", ", _updated.Select(p => $"{Column(p)} = {Parameter(p)}"))} "
            + $"WHERE {string.Join(" AND ", _key.Select(p => $"{Column(p)} = {Parameter(p)}"))} AND {Column(_guard)} = @read";
    }

    public string InsertSql { get; }

    /// <summary>Updates every column, only where the guard still has the value it was read with.</summary>
    public string UpdateSql { get; }

    public void BindInsert(DbCommand command, T entity) => Bind(command, entity, _insertBindings, null);

    public void BindUpdate(DbCommand command, T entity, object readValue) => Bind(command, entity, _updateBindings, readValue);

    /// <summary>Binds a new row to the SQLite writer's prepared <see cref="InsertSql"/>, by position.</summary>
    public void BindInsert(PreparedStatement statement, T entity) => Bind(statement, entity, _insertBindings, null);

    /// <summary>Binds a changed row to the SQLite writer's prepared <see cref="UpdateSql"/>, by position.</summary>
    public void BindUpdate(PreparedStatement statement, T entity, object readValue) => Bind(statement, entity, _updateBindings, readValue);

    // The parameters are numbered in the order they first appear in the SQL: the bindings' order, then @read.
    private void Bind(PreparedStatement statement, T entity, Binding[] bindings, object? readValue)
    {
        for (var i = 0; i < bindings.Length; i++) statement.Bind(i + 1, bindings[i].ProviderValue(entity));
        if (_guardMapping is not null && readValue is not null) statement.Bind(bindings.Length + 1, ToProvider(_guardMapping, readValue));
    }

    private void Bind(DbCommand command, T entity, Binding[] bindings, object? readValue)
    {
        command.Parameters.Clear();
        foreach (var b in bindings)
            command.Parameters.Add(b.Mapping.CreateParameter(command, b.Name, b.Getter.GetClrValue(entity), b.Nullable));
        if (_guardMapping is not null && readValue is not null)
            command.Parameters.Add(_guardMapping.CreateParameter(command, "@read", readValue, nullable: false));
    }

    private static string Column(IProperty p) => $"\"{p.GetColumnName()}\"";

    private static string Parameter(IProperty p) => "@" + p.Name;
}

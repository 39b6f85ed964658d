using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// One entity's rows read through SQLite's own interface: the columns and their value conversions come from the EF Core
/// model, as they do for the writer's statements (<see cref="Writing.TableStatements{T}"/>), so an entity read here is the
/// entity EF would have read, and a new property needs no SQL written by hand.
/// </summary>
internal sealed class TableRows<T> where T : class, new()
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, Column> _byName;

    public TableRows(IModel model)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Table = type.GetTableName()!;
        var properties = type.GetProperties().ToArray();
        _columns = properties.Select(p => new Column(p)).ToArray();
        _byName = _columns.ToDictionary(c => c.Property.Name, StringComparer.Ordinal);
        Select = $"SELECT {string.Join(", ", properties.Select(Quoted))} FROM \"{Table}\"";
    }

    public string Table { get; }

    /// <summary>Every column, in the order <see cref="Read"/> reads them: the start of a query, its WHERE to follow.</summary>
    public string Select { get; }

    /// <summary>"Column" = ?1 AND "Other" = ?2 ...: the properties' columns, compared with the parameters in turn.</summary>
    public string Equal(params string[] properties) =>
        string.Join(" AND ", properties.Select((p, i) => $"{Quoted(p)} = ?{i + 1}"));

    public string Quoted(string property) => Quoted(_byName[property].Property);

    /// <summary>A value to compare a property's column with, as the database stores it (an enum's name, a GUID's text).</summary>
    public object? Parameter(string property, object? value) =>
        Writing.TableStatements<T>.ToProvider(_byName[property].Property.GetRelationalTypeMapping(), value);

    /// <summary>The value of a column of the row, read as the property's: for queries that read a few columns of several tables.</summary>
    public object? Value(PreparedStatement row, int column, string property) => _byName[property].Read(row, column);

    /// <summary>The entity in the row that <see cref="Select"/> read.</summary>
    public T Read(PreparedStatement row)
    {
        var entity = new T();
        for (var i = 0; i < _columns.Length; i++) _columns[i].Set(entity, row, i);
        return entity;
    }

    private static string Quoted(IProperty p) => $"\"{p.GetColumnName()}\"";

    private sealed class Column
    {
        private readonly Type _stored;
        private readonly Func<object?, object?>? _fromStored;
        private readonly EnumText? _names;
        private readonly Action<T, object?>? _set;

        public IProperty Property { get; }

        public Column(IProperty property)
        {
            Property = property;
            var converter = property.GetRelationalTypeMapping().Converter;
            _stored = converter?.ProviderClrType ?? property.ClrType;
            _fromStored = converter?.ConvertFromProvider;
            _names = EnumText.Of(converter);
            _set = property.PropertyInfo is { } info ? Setter(info) : null;
        }

        public object? Read(PreparedStatement row, int column)
        {
            if (_names is not null && !row.IsNull(column) && _names.Value(row.Bytes(column)) is { } named) return named;
            var stored = row.Value(column, _stored);
            return stored is not null && _fromStored is not null ? _fromStored(stored) : stored;
        }

        public void Set(T entity, PreparedStatement row, int column) => _set?.Invoke(entity, Read(row, column));

        // (entity, value) => entity.Property = (TProperty)value, compiled once; a NULL leaves a value type at its default.
        private static Action<T, object?> Setter(System.Reflection.PropertyInfo info)
        {
            var entity = Expression.Parameter(typeof(T), "entity");
            var value = Expression.Parameter(typeof(object), "value");
            Expression assign = Expression.Assign(Expression.Property(entity, info), Expression.Convert(value, info.PropertyType));
            if (info.PropertyType.IsValueType && Nullable.GetUnderlyingType(info.PropertyType) is null)
                assign = Expression.IfThen(Expression.NotEqual(value, Expression.Constant(null)), assign);
            return Expression.Lambda<Action<T, object?>>(assign, entity, value).Compile();
        }
    }
}

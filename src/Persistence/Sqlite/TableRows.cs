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
    private readonly Dictionary<string, IProperty> _properties;
    private readonly Column[] _columns;
    private readonly Dictionary<string, Column> _columnsByName;

    public TableRows(IModel model)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Table = type.GetTableName()!;
        var properties = type.GetProperties().ToArray();
        _properties = properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _columns = properties.Select(p => new Column(p)).ToArray();
        _columnsByName = properties.Zip(_columns).ToDictionary(c => c.First.Name, c => c.Second, StringComparer.Ordinal);
        Select = $"SELECT {string.Join(", ", properties.Select(Quoted))} FROM \"{Table}\"";
    }

    public string Table { get; }

    /// <summary>Every column, in the order <see cref="Read"/> reads them: the start of a query, its WHERE to follow.</summary>
    public string Select { get; }

    /// <summary>"Column" = ?1 AND "Other" = ?2 ...: the properties' columns, compared with the parameters in turn.</summary>
    public string Equal(params string[] properties) =>
        string.Join(" AND ", properties.Select((p, i) => $"{Quoted(_properties[p])} = ?{i + 1}"));

    public string Quoted(string property) => Quoted(_properties[property]);

    /// <summary>A value to compare a property's column with, as the database stores it (an enum's name, a GUID's text).</summary>
    public object? Parameter(string property, object? value)
    {
        var converter = _properties[property].GetRelationalTypeMapping().Converter;
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }

    /// <summary>The value of a column of the row, read as the property's: for queries that read a few columns of several tables.</summary>
    public object? Value(PreparedStatement row, int column, string property) => _columnsByName[property].Read(row, column);

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
        private readonly Action<T, object?>? _set;

        public Column(IProperty property)
        {
            var converter = property.GetRelationalTypeMapping().Converter;
            _stored = converter?.ProviderClrType ?? property.ClrType;
            _fromStored = converter?.ConvertFromProvider;
            _set = property.PropertyInfo is { } info ? Setter(info) : null;
        }

        public object? Read(PreparedStatement row, int column)
        {
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

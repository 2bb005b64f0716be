using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;
using LinqToDB;
using LinqToDB.Mapping;
using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// Which entity properties nopCommerce 4.90.6 turns into columns when it has no entity builder for the entity
/// (Nop.Data: FluentMigratorExtensions.RetrieveTableExpressions and its TypeMapping, read by
/// FluentMigratorMetadataReader): public settable properties not declared by BaseEntity, not marked NotMapped or
/// NotColumn, whose type (or nullable's underlying type) is one of eight. Everything else is silently no column:
/// inserts leave it out and queries on it fail to translate.
/// </summary>
public static class NopColumnRules
{
    private static readonly Dictionary<Type, DataType> _mappedTypes = new()
    {
        [typeof(int)] = DataType.Int32,
        [typeof(long)] = DataType.Int64,
        [typeof(string)] = DataType.NVarChar,
        [typeof(bool)] = DataType.Boolean,
        [typeof(decimal)] = DataType.Decimal,
        [typeof(DateTime)] = DataType.DateTime2,
        [typeof(byte[])] = DataType.Binary,
        [typeof(Guid)] = DataType.Guid
    };

    public static IReadOnlyCollection<Type> MappedTypes => _mappedTypes.Keys;

    /// <summary>
    /// The properties nopCommerce maps to columns, besides Id.
    /// </summary>
    public static IEnumerable<PropertyInfo> Columns(Type entityType) =>
        Candidates(entityType).Where(property => _mappedTypes.ContainsKey(UnderlyingType(property.PropertyType)));

    /// <summary>
    /// Properties that look like data but that nopCommerce would drop: their type is not one it maps.
    /// </summary>
    public static IEnumerable<PropertyInfo> Dropped(Type entityType) =>
        Candidates(entityType).Where(property => !_mappedTypes.ContainsKey(UnderlyingType(property.PropertyType)));

    public static DataType DataTypeOf(PropertyInfo property) => _mappedTypes[UnderlyingType(property.PropertyType)];

    /// <summary>
    /// nopCommerce lets a column hold NULL for nullable value types, strings and other enumerables (byte[]).
    /// </summary>
    public static bool CanBeNull(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || property.PropertyType == typeof(string)
        || typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType);

    private static IEnumerable<PropertyInfo> Candidates(Type entityType) =>
        entityType.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(property => property.DeclaringType != typeof(BaseEntity)
                && property.CanWrite
                && property.GetCustomAttribute<NotMappedAttribute>() is null
                && property.GetCustomAttribute<NotColumnAttribute>() is null);

    private static Type UnderlyingType(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}

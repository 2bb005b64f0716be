using System.Linq.Expressions;
using System.Reflection;
using LinqToDB.Mapping;
using Nop.Core;
using Nop.Data.Mapping;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// The linq2db mapping nopCommerce derives for plugin entities: the table name from the plugin's
/// <see cref="INameCompatibility"/>, one column per property named after it (unless renamed there),
/// and Id as the identity primary key whose values come from the table's serial sequence.
/// </summary>
public static class PersonalizationMappingSchema
{
    private static readonly MethodInfo _mapEntity =
        typeof(PersonalizationMappingSchema).GetMethod(nameof(MapEntity), BindingFlags.NonPublic | BindingFlags.Static);

    public static MappingSchema Create(INameCompatibility names)
    {
        var schema = new MappingSchema();
        var builder = new FluentMappingBuilder(schema);

        foreach (var (entityType, tableName) in names.TableNames)
            _mapEntity.MakeGenericMethod(entityType).Invoke(null, [builder, tableName, names.ColumnName]);

        builder.Build();
        return schema;
    }

    private static void MapEntity<TEntity>(FluentMappingBuilder builder, string tableName,
        IReadOnlyDictionary<(Type, string), string> columnNames) where TEntity : BaseEntity
    {
        var entity = builder.Entity<TEntity>().HasTableName(tableName).IsColumnRequired();

        foreach (var property in typeof(TEntity).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite))
        {
            var columnName = columnNames.TryGetValue((typeof(TEntity), property.Name), out var renamed) ? renamed : property.Name;
            var column = entity.Property(PropertyAccess<TEntity>(property)).HasColumnName(columnName);

            // nopCommerce names the identity's sequence so that bulk inserts on PostgreSQL reserve ids from it
            if (property.Name == nameof(BaseEntity.Id))
                column.IsPrimaryKey().IsIdentity().UseSequence($"{tableName}_{columnName}_seq");
        }
    }

    private static Expression<Func<TEntity, object>> PropertyAccess<TEntity>(PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        return Expression.Lambda<Func<TEntity, object>>(Expression.Convert(Expression.Property(entity, property), typeof(object)), entity);
    }
}

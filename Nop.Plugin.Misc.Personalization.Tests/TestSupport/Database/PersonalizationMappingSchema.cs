using System.Linq.Expressions;
using System.Reflection;
using LinqToDB.Mapping;
using Nop.Core;
using Nop.Data.Mapping;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// The linq2db mapping nopCommerce derives for entities without an entity builder: the table name from the
/// <see cref="INameCompatibility"/>, Id as the identity primary key whose values come from the table's serial
/// sequence, and one column per property that <see cref="NopColumnRules"/> keeps, named after it (unless renamed
/// there), typed and nullable as nopCommerce types it. A property nopCommerce drops is no column here either.
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

        //nopCommerce adds Id itself, unrenamed, and names its sequence so that bulk inserts on PostgreSQL reserve ids
        entity.Property(row => row.Id).HasColumnName(nameof(BaseEntity.Id))
            .IsPrimaryKey().IsIdentity().UseSequence($"{tableName}_{nameof(BaseEntity.Id)}_seq");

        foreach (var property in NopColumnRules.Columns(typeof(TEntity)))
        {
            entity.Property(PropertyAccess<TEntity>(property))
                .HasColumnName(ColumnName<TEntity>(property.Name, columnNames))
                .HasDataType(NopColumnRules.DataTypeOf(property))
                .IsNullable(NopColumnRules.CanBeNull(property));
        }
    }

    private static string ColumnName<TEntity>(string propertyName, IReadOnlyDictionary<(Type, string), string> columnNames) =>
        columnNames.TryGetValue((typeof(TEntity), propertyName), out var renamed) ? renamed : propertyName;

    private static Expression<Func<TEntity, object>> PropertyAccess<TEntity>(PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        return Expression.Lambda<Func<TEntity, object>>(Expression.Convert(Expression.Property(entity, property), typeof(object)), entity);
    }
}

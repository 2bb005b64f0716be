using FluentMigrator;
using FluentMigrator.Builders.Create.Table;
using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Backfill;

/// <summary>
/// The nopCommerce tables the backfill reads, which a shop has and the plugin's migration does not create:
/// one column per property the compile surface declares, named after it, Id an identity primary key as in nopCommerce.
/// Not attributed, so the runner applies it without recording a version.
/// </summary>
public sealed class ShopOrderTablesMigration : Migration
{
    public static IReadOnlyList<Type> Entities { get; } = [typeof(Order), typeof(OrderItem), typeof(GenericAttribute)];

    public override void Up()
    {
        foreach (var entity in Entities)
        {
            ICreateTableWithColumnSyntax table = Create.Table(entity.Name).WithColumn(nameof(BaseEntity.Id)).AsInt32().PrimaryKey().Identity();
            foreach (var property in entity.GetProperties().Where(p => p.CanRead && p.CanWrite && p.Name != nameof(BaseEntity.Id)))
                table = Column(table.WithColumn(property.Name), property.PropertyType);
        }
    }

    public override void Down()
    {
        foreach (var entity in Entities.Reverse())
            Delete.Table(entity.Name);
    }

    private static ICreateTableWithColumnSyntax Column(ICreateTableColumnAsTypeSyntax column, Type type)
    {
        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        var typed = valueType switch
        {
            _ when valueType == typeof(int) || valueType.IsEnum => column.AsInt32(),
            _ when valueType == typeof(bool) => column.AsBoolean(),
            _ when valueType == typeof(decimal) => column.AsDecimal(18, 4),
            _ when valueType == typeof(DateTime) => column.AsDateTime2(),
            _ when valueType == typeof(Guid) => column.AsGuid(),
            _ when valueType == typeof(string) => column.AsString(int.MaxValue),
            _ => throw new NotSupportedException($"No column type for {type}; extend {nameof(ShopOrderTablesMigration)}.")
        };

        return type == valueType && type != typeof(string) ? typed.NotNullable() : typed.Nullable();
    }
}

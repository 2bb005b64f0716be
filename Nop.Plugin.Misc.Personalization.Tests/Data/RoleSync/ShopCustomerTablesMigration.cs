using FluentMigrator;
using FluentMigrator.Builders.Create.Table;
using LinqToDB;
using LinqToDB.Mapping;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Security;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.RoleSync;

/// <summary>
/// The nopCommerce tables the role sync reads and writes, laid out as 4.90.6 creates them on PostgreSQL: Customer and
/// CustomerRole with an identity Id and the columns the compile surface declares; the two mapping tables under their
/// compatibility names (Customer_CustomerRole_Mapping, PermissionRecord_Role_Mapping) with renamed columns, a composite
/// primary key and no Id column. Not attributed, so the runner applies it without recording a version.
/// </summary>
public sealed class ShopCustomerTablesMigration : Migration
{
    public const string ROLE_MAPPING_TABLE = "Customer_CustomerRole_Mapping";
    public const string PERMISSION_MAPPING_TABLE = "PermissionRecord_Role_Mapping";

    public override void Up()
    {
        Entity(typeof(Customer));
        Entity(typeof(CustomerRole));

        Create.Table(ROLE_MAPPING_TABLE)
            .WithColumn("Customer_Id").AsInt32().NotNullable().PrimaryKey().ForeignKey(nameof(Customer), nameof(BaseEntity.Id))
            .WithColumn("CustomerRole_Id").AsInt32().NotNullable().PrimaryKey().ForeignKey(nameof(CustomerRole), nameof(BaseEntity.Id));
        //the PermissionRecord table itself is not needed: only which roles hold a permission is read
        Create.Table(PERMISSION_MAPPING_TABLE)
            .WithColumn("PermissionRecord_Id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("CustomerRole_Id").AsInt32().NotNullable().PrimaryKey().ForeignKey(nameof(CustomerRole), nameof(BaseEntity.Id));
    }

    public override void Down()
    {
        Delete.Table(PERMISSION_MAPPING_TABLE);
        Delete.Table(ROLE_MAPPING_TABLE);
        Delete.Table(nameof(CustomerRole));
        Delete.Table(nameof(Customer));
    }

    /// <summary>
    /// linq2db options seeing the plugin's tables and these, mapped as nopCommerce maps them.
    /// </summary>
    public static DataOptions Options(TestDatabase database)
    {
        var schema = PersonalizationMappingSchema.Create(new ShopTables(typeof(Customer), typeof(CustomerRole)));
        var builder = new FluentMappingBuilder(schema);
        //no Id column: linq2db maps only the columns named here, as nopCommerce's metadata reader does for these tables
        builder.Entity<CustomerCustomerRoleMapping>().HasTableName(ROLE_MAPPING_TABLE).IsColumnRequired()
            .Property(mapping => mapping.CustomerId).HasColumnName("Customer_Id").IsPrimaryKey(0)
            .Property(mapping => mapping.CustomerRoleId).HasColumnName("CustomerRole_Id").IsPrimaryKey(1);
        builder.Entity<PermissionRecordCustomerRoleMapping>().HasTableName(PERMISSION_MAPPING_TABLE).IsColumnRequired()
            .Property(mapping => mapping.PermissionRecordId).HasColumnName("PermissionRecord_Id").IsPrimaryKey(0)
            .Property(mapping => mapping.CustomerRoleId).HasColumnName("CustomerRole_Id").IsPrimaryKey(1);
        builder.Build();

        return new DataOptions()
            .UseConnectionString(ShopDataProviders.For(database.Engine), database.ConnectionString)
            .UseMappingSchema(schema);
    }

    private void Entity(Type entity)
    {
        ICreateTableWithColumnSyntax table = Create.Table(entity.Name).WithColumn(nameof(BaseEntity.Id)).AsInt32().PrimaryKey().Identity();
        foreach (var property in entity.GetProperties().Where(p => p.CanRead && p.CanWrite && p.Name != nameof(BaseEntity.Id)))
            table = Column(table.WithColumn(property.Name), property.PropertyType);
    }

    private static ICreateTableWithColumnSyntax Column(ICreateTableColumnAsTypeSyntax column, Type type)
    {
        var typed = type switch
        {
            _ when type == typeof(int) => column.AsInt32().NotNullable(),
            _ when type == typeof(int?) => column.AsInt32().Nullable(),
            _ when type == typeof(bool) => column.AsBoolean().NotNullable(),
            _ when type == typeof(DateTime) => column.AsDateTime2().NotNullable(),
            _ when type == typeof(Guid) => column.AsGuid().NotNullable(),
            _ when type == typeof(string) => column.AsString(int.MaxValue).Nullable(),
            _ => throw new NotSupportedException($"No column type for {type}; extend {nameof(ShopCustomerTablesMigration)}.")
        };

        return typed;
    }
}

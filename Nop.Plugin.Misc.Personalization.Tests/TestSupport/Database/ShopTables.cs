using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Mapping;
using Nop.Data.Mapping;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// nopCommerce tables beside the plugin's, for tests that read the shop's own data (catalog, customers, orders).
/// nopCommerce names these tables after their entities; only the columns the compile surface declares exist.
/// </summary>
public sealed class ShopTables : INameCompatibility
{
    private readonly PersonalizationNameCompatibility _plugin = new();
    private readonly Type[] _shopEntities;

    public ShopTables(params Type[] shopEntities)
    {
        _shopEntities = shopEntities;
    }

    public Dictionary<Type, string> TableNames =>
        _plugin.TableNames.Concat(_shopEntities.Select(entity => KeyValuePair.Create(entity, entity.Name))).ToDictionary();

    public Dictionary<(Type, string), string> ColumnName => _plugin.ColumnName;

    /// <summary>
    /// linq2db options whose mapping sees the plugin's tables and the given shop tables.
    /// </summary>
    public static DataOptions Options(TestDatabase database, params Type[] shopEntities) => new DataOptions()
        .UseConnectionString(ShopDataProviders.For(database.Engine), database.ConnectionString)
        .UseMappingSchema(ShopStrings(database.Engine, PersonalizationMappingSchema.Create(new ShopTables(shopEntities))));

    //nopCommerce creates a string column without a length as AsString(int.MaxValue): LONGTEXT on MySQL, where linq2db
    //would make it VARCHAR(4000) and a shop table of many strings would exceed MySQL's row size
    private static MappingSchema ShopStrings(DatabaseEngine engine, MappingSchema schema)
    {
        if (engine == DatabaseEngine.MySql)
            schema.SetDataType(typeof(string), DataType.NText);

        return schema;
    }

    /// <summary>The tables the catalog load reads product attributes from (specification options, tags, attribute values, names).</summary>
    public static readonly Type[] AttributeEntities =
    [
        typeof(Nop.Core.Domain.Localization.LocalizedProperty), typeof(Nop.Core.Domain.Catalog.ProductAttribute),
        typeof(Nop.Core.Domain.Catalog.ProductAttributeMapping), typeof(Nop.Core.Domain.Catalog.ProductAttributeValue),
        typeof(Nop.Core.Domain.Catalog.ProductSpecificationAttribute), typeof(Nop.Core.Domain.Catalog.ProductProductTagMapping),
        typeof(Nop.Core.Domain.Catalog.ProductTag), typeof(Nop.Core.Domain.Catalog.SpecificationAttribute),
        typeof(Nop.Core.Domain.Catalog.SpecificationAttributeOption)
    ];

    public static async Task CreateAttributeTablesAsync(DataOptions options)
    {
        await CreateAsync<Nop.Core.Domain.Localization.LocalizedProperty>(options);
        await CreateAsync<Nop.Core.Domain.Catalog.ProductAttribute>(options);
        await CreateAsync<Nop.Core.Domain.Catalog.ProductAttributeMapping>(options);
        await CreateAsync<Nop.Core.Domain.Catalog.ProductAttributeValue>(options);
        await CreateAsync<Nop.Core.Domain.Catalog.ProductSpecificationAttribute>(options);
        await CreateAsync<Nop.Core.Domain.Catalog.ProductProductTagMapping>(options);
        await CreateAsync<Nop.Core.Domain.Catalog.ProductTag>(options);
        await CreateAsync<Nop.Core.Domain.Catalog.SpecificationAttribute>(options);
        await CreateAsync<Nop.Core.Domain.Catalog.SpecificationAttributeOption>(options);
    }

    /// <summary>
    /// Creates one shop table from its surface entity.
    /// </summary>
    public static async Task CreateAsync<TEntity>(DataOptions options) where TEntity : class
    {
        await using var connection = new DataConnection(options);
        await connection.CreateTableAsync<TEntity>();
    }
}

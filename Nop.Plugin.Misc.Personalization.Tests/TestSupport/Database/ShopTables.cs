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

    /// <summary>
    /// Creates one shop table from its surface entity.
    /// </summary>
    public static async Task CreateAsync<TEntity>(DataOptions options) where TEntity : class
    {
        await using var connection = new DataConnection(options);
        await connection.CreateTableAsync<TEntity>();
    }
}

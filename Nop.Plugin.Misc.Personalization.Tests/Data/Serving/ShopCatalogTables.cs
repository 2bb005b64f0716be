using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Nop.Core.Domain.Catalog;
using Nop.Data.Mapping;
using Nop.Plugin.Misc.Personalization.Data;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Serving;

/// <summary>
/// nopCommerce's catalog tables (only the columns the compile surface declares) beside the plugin's, for tests that
/// read the catalog the way the shop does.
/// </summary>
internal sealed class ShopCatalogTables : INameCompatibility
{
    public Dictionary<Type, string> TableNames { get; } = new(new PersonalizationNameCompatibility().TableNames)
    {
        [typeof(Product)] = nameof(Product),
        [typeof(ProductCategory)] = nameof(ProductCategory),
        [typeof(ProductManufacturer)] = nameof(ProductManufacturer)
    };

    public Dictionary<(Type, string), string> ColumnName => new();

    public static DataOptions Options(string connectionString) => new DataOptions()
        .UseConnectionString(new ShopPostgreSqlDataProvider(), connectionString)
        .UseMappingSchema(PersonalizationMappingSchema.Create(new ShopCatalogTables()));

    public static async Task CreateAsync(DataOptions options)
    {
        await using var connection = new DataConnection(options);
        await connection.CreateTableAsync<Product>();
        await connection.CreateTableAsync<ProductCategory>();
        await connection.CreateTableAsync<ProductManufacturer>();
    }
}

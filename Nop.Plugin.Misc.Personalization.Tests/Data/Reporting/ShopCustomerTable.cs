using LinqToDB;
using LinqToDB.Data;
using Nop.Core.Domain.Customers;
using Nop.Data.Mapping;
using Nop.Plugin.Misc.Personalization.Data;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Reporting;

/// <summary>
/// nopCommerce's Customer table (the columns the compile surface declares) beside the plugin's, for the holdout lookup.
/// </summary>
internal sealed class ShopCustomerTable : INameCompatibility
{
    public Dictionary<Type, string> TableNames { get; } = new(new PersonalizationNameCompatibility().TableNames)
    {
        [typeof(Customer)] = nameof(Customer)
    };

    public Dictionary<(Type, string), string> ColumnName => new();

    public static DataOptions Options(string connectionString) => new DataOptions()
        .UseConnectionString(new ShopPostgreSqlDataProvider(), connectionString)
        .UseMappingSchema(PersonalizationMappingSchema.Create(new ShopCustomerTable()));

    public static async Task CreateAsync(DataOptions options)
    {
        await using var connection = new DataConnection(options);
        await connection.CreateTableAsync<Customer>();
    }
}

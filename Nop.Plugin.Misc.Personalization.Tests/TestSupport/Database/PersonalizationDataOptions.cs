using LinqToDB;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// linq2db options for one test database: the shop's PostgreSQL provider set-up and the plugin's mapping.
/// </summary>
public static class PersonalizationDataOptions
{
    public static DataOptions Create(string connectionString) => new DataOptions()
        .UseConnectionString(new ShopPostgreSqlDataProvider(), connectionString)
        .UseMappingSchema(PersonalizationMappingSchema.Create(new PersonalizationNameCompatibility()));
}

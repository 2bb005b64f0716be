using System.Diagnostics;
using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// linq2db options for one test database: the shop's provider set-up for its engine and the plugin's mapping.
/// </summary>
public static class PersonalizationDataOptions
{
    /// <param name="database">The test database.</param>
    /// <param name="onCommand">Optional: receives the text of every command before it runs (bulk copies included).</param>
    public static DataOptions Create(TestDatabase database, Action<string> onCommand = null) =>
        Create(database.Engine, database.ConnectionString, onCommand);

    /// <summary>
    /// Options for a database that never answers, for tests of what the plugin does when the shop's database is down.
    /// </summary>
    public static DataOptions Unreachable(DatabaseEngine engine) => Create(engine, ShopDataProviders.Unreachable(engine), null);

    private static DataOptions Create(DatabaseEngine engine, string connectionString, Action<string> onCommand)
    {
        var options = new DataOptions()
            .UseConnectionString(ShopDataProviders.For(engine), connectionString)
            .UseMappingSchema(PersonalizationMappingSchema.Create(new PersonalizationNameCompatibility()));

        if (onCommand is null)
            return options;

        return options.UseTracing(TraceLevel.Info, trace =>
        {
            if (trace.TraceInfoStep == TraceInfoStep.BeforeExecute)
                onCommand(trace.SqlText);
        });
    }
}

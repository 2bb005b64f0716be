using System.Diagnostics;
using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// linq2db options for one test database: the shop's PostgreSQL provider set-up and the plugin's mapping.
/// </summary>
public static class PersonalizationDataOptions
{
    /// <param name="connectionString">The test database.</param>
    /// <param name="onCommand">Optional: receives the text of every command before it runs (bulk copies included).</param>
    public static DataOptions Create(string connectionString, Action<string> onCommand = null)
    {
        var options = new DataOptions()
            .UseConnectionString(new ShopPostgreSqlDataProvider(), connectionString)
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

using System.Diagnostics;
using System.Globalization;
using LinqToDB;
using LinqToDB.Data;
using Moq;
using Nop.Plugin.Misc.Personalization;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Configuration;

namespace Benchmarks;

/// <summary>
/// Retention over a large event table in PostgreSQL: fills N rows spread over two years (half past a one-year retention),
/// then runs the daily retention with its production options and reports how long each statement took. Not a
/// BenchmarkDotNet benchmark (minutes per run): <c>dotnet bin/Release/net10.0/Benchmarks.dll --retention-scale N</c>,
/// with the PostgreSQL of .ci/postgres.sh.
/// </summary>
public static class RetentionScaleRun
{
    public static async Task<int> RunAsync(long rows)
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var migrator = new PluginMigrator(database);
        migrator.MigrateUp();

        var now = new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc);
        var watch = Stopwatch.StartNew();
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using var fill = connection.CreateCommand();
            fill.CommandTimeout = 0;
            //one row every (2 years / N); ids follow time, as a shop's events mostly do
            fill.CommandText = $"""
                INSERT INTO "{Nop.Plugin.Misc.Personalization.Data.PersonalizationTables.EVENT}"
                    ("StoreId", "CustomerId", "EventType", "ProductId", "Quantity", "Value", "OrderId", "CreatedOnUtc")
                SELECT 1, 1 + g % 200000, 1, 1 + g % 100000, 1, 0, 0,
                       TIMESTAMP '{now.AddDays(-730):yyyy-MM-dd}' + (g * (730.0 * 86400 / {rows})) * INTERVAL '1 second'
                FROM generate_series(0, {rows - 1}) g
                """;
            await fill.ExecuteNonQueryAsync();
            fill.CommandText = "ANALYZE";
            await fill.ExecuteNonQueryAsync();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"filled {rows:N0} events over two years in {watch.Elapsed.TotalSeconds:F0} s"));

        //linq2db reports a query twice (executed, then read to the end) and a non-query once: the last report is the whole statement
        var statements = new List<(string Kind, double Milliseconds)>();
        var options = PersonalizationDataOptions.Create(database)
            .UseTracing(TraceLevel.Info, trace =>
            {
                if (trace.ExecutionTime is not { } time)
                    return;
                var delete = trace.SqlText.Contains("DELETE", StringComparison.OrdinalIgnoreCase);
                if (delete ? trace.TraceInfoStep == TraceInfoStep.AfterExecute : trace.TraceInfoStep == TraceInfoStep.Completed)
                    statements.Add((delete ? "DELETE" : "SELECT", time.TotalMilliseconds));
            });
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(0)).ReturnsAsync(new PersonalizationSettings { RetentionDays = 365 });
        var service = new EventRetentionService(new LinqToDbRepository<PersonalizationImpressionCount>(options),
            new LinqToDbRepository<PersonalizationEvent>(options), new RetentionOptions(), settings.Object, new WallClockAt(now));

        var runs = 0;
        long deleted = 0;
        watch.Restart();
        while (true)
        {
            runs++;
            var run = await service.DeleteExpiredAsync();
            deleted += run;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"daily run {runs}: {run:N0} deleted, {watch.Elapsed.TotalSeconds:F0} s so far"));
            if (run == 0 || runs >= 10)
                break;
        }

        foreach (var kind in new[] { "SELECT", "DELETE" })
        {
            var times = statements.Where(s => s.Kind == kind).Select(s => s.Milliseconds).OrderBy(t => t).ToArray();
            if (times.Length == 0)
                continue;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind}: {times.Length:N0} statements, median {times[times.Length / 2]:F0} ms, p99 {times[(int)(times.Length * 0.99)]:F0} ms, max {times[^1]:F0} ms"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deleted {deleted:N0} of {rows:N0} in {watch.Elapsed.TotalSeconds:F0} s over {runs} daily run(s)"));

        migrator.MigrateDownToNothing();
        return 0;
    }

    /// <summary>A fixed date with real elapsed time, so the retention's time budget is the real one.</summary>
    private sealed class WallClockAt(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow);
    }
}

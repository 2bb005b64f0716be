using System.Runtime.CompilerServices;
using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Week-of-year index per category (0 = whole store): the weight of events in an ISO week, smoothed over the
/// neighbouring weeks, over the average week. Built only when the history spans at least a year.
/// </summary>
internal static class SeasonalityBuilder
{
    public const double MIN_HISTORY_DAYS = 364;

    public static SeasonalIndex Build(TrainingData data, ItemCatalog catalog)
    {
        if (data.EventCount == 0 || data.SpanDays() < MIN_HISTORY_DAYS)
            return SeasonalIndex.Empty;
        return BuildIndex(data, catalog);
    }

    // kept apart so a short history never pays for compiling the weekly aggregation
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SeasonalIndex BuildIndex(TrainingData data, ItemCatalog catalog)
    {
        var weekly = new SortedDictionary<int, double[]> { [0] = new double[SeasonalIndex.WEEKS] };
        for (var e = 0; e < data.EventCount; e++)
        {
            var weight = data.Weight[e];
            if (weight <= 0)
                continue;
            var week = ISOWeek.GetWeekOfYear(new DateTime(data.Ticks[e])) - 1;
            weekly[0][week] += weight;
            foreach (var category in catalog.CategoriesOf(data.Item[e]))
            {
                if (!weekly.TryGetValue(category, out var row))
                    weekly[category] = row = new double[SeasonalIndex.WEEKS];
                row[week] += weight;
            }
        }

        var ids = weekly.Keys.ToArray();
        var values = new float[ids.Length * SeasonalIndex.WEEKS];
        for (var r = 0; r < ids.Length; r++)
        {
            var row = weekly[ids[r]];
            // week 53 exists only in some years: average over the 52 weeks every year has
            var mean = row.Take(52).Average();
            for (var w = 0; w < SeasonalIndex.WEEKS; w++)
            {
                var previous = row[(w + 51) % 52];
                var next = row[(w + 1) % 52];
                var current = w == 52 ? row[51] : row[w];
                var smoothed = (previous + 2 * current + next) / 4;
                values[r * SeasonalIndex.WEEKS + w] = mean > 0 ? (float)(smoothed / mean) : 1f;
            }
        }
        return new SeasonalIndex(ids, values);
    }
}

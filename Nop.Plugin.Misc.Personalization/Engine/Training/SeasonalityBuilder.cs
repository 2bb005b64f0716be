using System.Globalization;
using System.Runtime.CompilerServices;
using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Week-of-year index per category (0 = whole store) and per product: the weight of events in an ISO week per week of
/// history that week had, smoothed over the neighbouring weeks, over the average week. A product's own profile is
/// shrunk towards its categories'. Built only when the history spans at least a year; the last weeks before training
/// are left out (see <see cref="SeasonalOptions.RecentDaysExcluded"/>); weeks the history never covered stay neutral.
/// </summary>
internal static class SeasonalityBuilder
{
    private const int W = SeasonalIndex.WEEKS;

    public static SeasonalIndex Build(TrainingData data, ItemCatalog catalog, SeasonalOptions options, DateTime nowUtc)
    {
        options ??= new SeasonalOptions();
        if (data.EventCount == 0 || data.SpanDays() < options.MinHistoryDays)
            return SeasonalIndex.Empty;
        return BuildIndex(data, catalog, options, nowUtc);
    }

    // kept apart so a short history never pays for compiling the weekly aggregation
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SeasonalIndex BuildIndex(TrainingData data, ItemCatalog catalog, SeasonalOptions options, DateTime nowUtc)
    {
        // whole days only, so every covered day is a whole day of history
        var cutoff = (nowUtc.Ticks - (long)(options.RecentDaysExcluded * TimeSpan.TicksPerDay)) / TimeSpan.TicksPerDay * TimeSpan.TicksPerDay;
        // the history covers the days from the first event to the cutoff (a quiet week is a week without sales)
        var firstDay = long.MaxValue;
        for (var e = 0; e < data.EventCount; e++)
        {
            if (data.Ticks[e] < cutoff && data.Weight[e] > 0)
                firstDay = Math.Min(firstDay, data.Ticks[e] / TimeSpan.TicksPerDay);
        }
        var lastDay = (cutoff - 1) / TimeSpan.TicksPerDay;
        if (firstDay > lastDay)
            return SeasonalIndex.Empty;

        // weeks of history per ISO week (a day is a seventh of a week), and each day's week
        var exposure = new double[W];
        var weekOfDay = new byte[lastDay - firstDay + 1];
        for (var d = 0; d < weekOfDay.Length; d++)
        {
            var week = ISOWeek.GetWeekOfYear(new DateTime((firstDay + d) * TimeSpan.TicksPerDay)) - 1;
            weekOfDay[d] = (byte)week;
            exposure[week] += 1.0 / 7;
        }

        var weekly = new SortedDictionary<int, double[]> { [0] = new double[W] };
        var productWeight = new double[data.ItemCount];
        for (var e = 0; e < data.EventCount; e++)
        {
            var weight = data.Weight[e];
            if (weight <= 0 || data.Ticks[e] >= cutoff)
                continue;
            var week = weekOfDay[data.Ticks[e] / TimeSpan.TicksPerDay - firstDay];
            weekly[0][week] += weight;
            productWeight[data.Item[e]] += weight;
            foreach (var category in catalog.CategoriesOf(data.Item[e]))
            {
                if (!weekly.TryGetValue(category, out var row))
                    weekly[category] = row = new double[W];
                row[week] += weight;
            }
        }

        var ids = weekly.Keys.ToArray();
        var values = new float[ids.Length * W];
        var categoryRow = new Dictionary<int, int>(ids.Length);
        for (var r = 0; r < ids.Length; r++)
        {
            categoryRow[ids[r]] = r;
            WriteIndex(weekly[ids[r]], exposure, values.AsSpan(r * W, W));
        }

        var (items, productValues) = ProductRows(data, catalog, options, cutoff, firstDay, weekOfDay, exposure, productWeight, values, categoryRow);
        return new SeasonalIndex(ids, values, items, productValues, WeeklyMeans(productWeight, exposure));
    }

    /// <summary>Rows for products with enough weight of their own, each shrunk towards the mean of its categories' rows.</summary>
    private static (int[] Items, float[] Values) ProductRows(TrainingData data, ItemCatalog catalog, SeasonalOptions options, long cutoff, long firstDay,
        byte[] weekOfDay, double[] exposure, double[] productWeight, float[] categoryValues, Dictionary<int, int> categoryRow)
    {
        var minimum = Math.Max(options.Shrinkage / 4, double.Epsilon);
        var rowOf = new int[data.ItemCount];
        var items = new List<int>();
        for (var i = 0; i < data.ItemCount; i++)
        {
            rowOf[i] = productWeight[i] >= minimum ? items.Count : -1;
            if (rowOf[i] >= 0)
                items.Add(i);
        }
        if (items.Count == 0)
            return (Array.Empty<int>(), Array.Empty<float>());

        var raw = new double[items.Count * W];
        for (var e = 0; e < data.EventCount; e++)
        {
            var row = rowOf[data.Item[e]];
            var weight = data.Weight[e];
            if (row < 0 || weight <= 0 || data.Ticks[e] >= cutoff)
                continue;
            raw[row * W + weekOfDay[data.Ticks[e] / TimeSpan.TicksPerDay - firstDay]] += weight;
        }

        var values = new float[items.Count * W];
        Span<float> own = stackalloc float[W];
        Span<double> prior = stackalloc double[W];
        for (var r = 0; r < items.Count; r++)
        {
            var item = items[r];
            WriteIndex(raw.AsSpan(r * W, W), exposure, own);
            CategoryPrior(catalog.CategoriesOf(item), categoryValues, categoryRow, prior);
            var n = productWeight[item];
            var share = n / (n + options.Shrinkage);
            for (var w = 0; w < W; w++)
                values[r * W + w] = (float)(share * own[w] + (1 - share) * prior[w]);
        }
        return (items.ToArray(), values);
    }

    /// <summary>Each product's weight per week of history (over the 52 weeks every year has).</summary>
    private static float[] WeeklyMeans(double[] productWeight, double[] exposure)
    {
        var weeks = exposure.Take(52).Sum();
        var means = new float[productWeight.Length];
        for (var i = 0; i < means.Length; i++)
            means[i] = weeks > 0 ? (float)(productWeight[i] / weeks) : 0f;
        return means;
    }

    private static void CategoryPrior(ReadOnlySpan<int> categories, float[] values, Dictionary<int, int> rowOf, Span<double> prior)
    {
        prior.Clear();
        var known = 0;
        foreach (var category in categories)
        {
            if (!rowOf.TryGetValue(category, out var row))
                continue;
            known++;
            for (var w = 0; w < W; w++)
                prior[w] += values[row * W + w];
        }
        if (known == 0)
        {
            // no category: the whole store's row (row 0, category id 0, always first)
            for (var w = 0; w < W; w++)
                prior[w] = values[w];
            return;
        }
        for (var w = 0; w < W; w++)
            prior[w] /= known;
    }

    /// <summary>
    /// Weekly weights to an index: weight per week of history, smoothed (1-2-1 over the neighbouring covered weeks),
    /// over the mean of the covered weeks among the 52 every year has; uncovered weeks and week 53 without history of
    /// its own follow neutral / week 52.
    /// </summary>
    private static void WriteIndex(ReadOnlySpan<double> weights, double[] exposure, Span<float> index)
    {
        Span<double> rate = stackalloc double[W];
        double sum = 0;
        var covered = 0;
        for (var w = 0; w < W; w++)
        {
            rate[w] = exposure[w] > 0 ? weights[w] / exposure[w] : 0;
            if (w < 52 && exposure[w] > 0)
            {
                sum += rate[w];
                covered++;
            }
        }
        var mean = covered > 0 ? sum / covered : 0;
        for (var w = 0; w < 52; w++)
        {
            if (exposure[w] <= 0 || mean <= 0)
            {
                index[w] = 1f;
                continue;
            }
            var previous = (w + 51) % 52;
            var next = (w + 1) % 52;
            double total = 2 * rate[w], parts = 2;
            if (exposure[previous] > 0)
            {
                total += rate[previous];
                parts++;
            }
            if (exposure[next] > 0)
            {
                total += rate[next];
                parts++;
            }
            index[w] = (float)(total / parts / mean);
        }
        index[52] = exposure[52] > 0 && mean > 0 ? (float)((rate[51] + 2 * rate[52] + rate[0]) / 4 / mean) : index[51];
    }
}

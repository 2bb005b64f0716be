using System.Runtime.CompilerServices;
using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Trending = sum of type weight x 2^(-age / half-life) over a product's events, anonymous ones included; lists per store
/// and category.
/// </summary>
internal static class PopularityBuilder
{
    public static PopularityModel Build(TrainingData data, ItemCatalog catalog, TrainingOptions options, DateTime nowUtc)
    {
        var trending = new double[data.ItemCount];
        var longTrending = new double[data.ItemCount];
        var longHalfLife = options.LongTrendingHalfLifeDays * TimeSpan.TicksPerDay;
        var customers = new int[data.ItemCount];
        var stamp = new int[data.ItemCount];
        Array.Fill(stamp, -1);
        var halfLife = options.TrendingHalfLifeDays * TimeSpan.TicksPerDay;
        var now = nowUtc.Ticks;
        var decayTicks = long.MinValue;
        double shortDecay = 0, longDecay = 0;
        for (var c = 0; c < data.CustomerCount; c++)
        {
            for (var e = data.CustomerOffsets[c]; e < data.CustomerOffsets[c + 1]; e++)
            {
                var weight = data.Weight[e];
                if (weight <= 0)
                    continue;
                var item = data.Item[e];
                // a customer's events are in time order, often many at one instant: reuse the last instant's decays
                if (data.Ticks[e] != decayTicks)
                {
                    decayTicks = data.Ticks[e];
                    shortDecay = Math.Pow(2, -(now - decayTicks) / halfLife);
                    longDecay = Math.Pow(2, -(now - decayTicks) / longHalfLife);
                }
                trending[item] += weight * shortDecay;
                longTrending[item] += weight * longDecay;
                // anonymous events (index 0 when present) are no one customer: they add weight, not support
                if (stamp[item] != c && !(c == 0 && data.HasAnonymous))
                {
                    stamp[item] = c;
                    customers[item]++;
                }
            }
        }
        var trendingF = new float[data.ItemCount];
        var longF = new float[data.ItemCount];
        for (var i = 0; i < trendingF.Length; i++)
        {
            trendingF[i] = (float)trending[i];
            longF[i] = (float)longTrending[i];
        }

        var size = options.TrendingListSize;
        var active = new List<int>(data.ItemCount);
        for (var i = 0; i < data.ItemCount; i++)
        {
            if (trendingF[i] > 0)
                active.Add(i);
        }
        var storeTop = Top(active, trendingF, size);

        var (categoryIds, categoryOffsets, categoryItems) = catalog.CategoryIds.Length > 0 ? ByCategory(catalog, trendingF, size) : (Array.Empty<int>(), new int[1], Array.Empty<int>());
        return new PopularityModel(trendingF, longF, customers, storeTop, categoryIds, categoryOffsets, categoryItems);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (int[] Ids, int[] Offsets, int[] Items) ByCategory(ItemCatalog catalog, float[] trendingF, int size)
    {
        var byCategory = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < catalog.Count; i++)
        {
            foreach (var category in catalog.CategoriesOf(i))
            {
                if (!byCategory.TryGetValue(category, out var list))
                    byCategory[category] = list = new List<int>();
                list.Add(i);
            }
        }
        var categoryIds = byCategory.Keys.ToArray();
        var categoryOffsets = new int[categoryIds.Length + 1];
        var categoryItems = new List<int>();
        for (var r = 0; r < categoryIds.Length; r++)
        {
            categoryItems.AddRange(Top(byCategory[categoryIds[r]], trendingF, size));
            categoryOffsets[r + 1] = categoryItems.Count;
        }
        return (categoryIds, categoryOffsets, categoryItems.ToArray());
    }

    private static int[] Top(List<int> items, float[] score, int size)
    {
        var top = new TopK(size);
        foreach (var i in items)
            top.Offer(i, score[i]);
        var result = new int[top.Count];
        var scores = new double[top.Count];
        top.Drain(result, scores);
        return result;
    }
}

using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>Per product: repeat rate and median days between one customer's purchases of it (on distinct days).</summary>
internal static class RepeatStatsBuilder
{
    public static RepeatStats Build(TrainingData data, TrainingOptions options)
    {
        var n = data.ItemCount;
        var buyers = new int[n];
        var repeaters = new int[n];
        // (item, days) packed as item << 32 | float bits: non-negative floats sort like their bits
        var intervals = new List<long>();
        var purchases = new List<long>();
        for (var c = 0; c < data.CustomerCount; c++)
        {
            purchases.Clear();
            for (var e = data.CustomerOffsets[c]; e < data.CustomerOffsets[c + 1]; e++)
            {
                if (data.Type[e] == (byte)InteractionType.Purchase)
                    purchases.Add(((long)data.Item[e] << 32) | (data.Ticks[e] / TimeSpan.TicksPerDay));
            }
            purchases.Sort();
            var s = 0;
            while (s < purchases.Count)
            {
                var item = (int)(purchases[s] >> 32);
                var e = s;
                var days = 0;
                while (e < purchases.Count && (int)(purchases[e] >> 32) == item)
                {
                    if (e == s || purchases[e] != purchases[e - 1])
                    {
                        if (e > s)
                            intervals.Add(((long)item << 32) | (uint)BitConverter.SingleToInt32Bits((float)(purchases[e] - purchases[e - 1])));
                        days++;
                    }
                    e++;
                }
                buyers[item]++;
                if (days >= 2)
                    repeaters[item]++;
                s = e;
            }
        }
        intervals.Sort();

        var rate = new float[n];
        var median = new float[n];
        var replenishable = new bool[n];
        var i = 0;
        while (i < intervals.Count)
        {
            var item = (int)(intervals[i] >> 32);
            var j = i;
            while (j < intervals.Count && (int)(intervals[j] >> 32) == item)
                j++;
            var len = j - i;
            median[item] = len % 2 == 1 ? Days(intervals[i + len / 2]) : (Days(intervals[i + len / 2 - 1]) + Days(intervals[i + len / 2])) / 2f;
            i = j;
        }
        for (var item = 0; item < n; item++)
        {
            rate[item] = buyers[item] == 0 ? 0 : repeaters[item] / (float)buyers[item];
            replenishable[item] = repeaters[item] >= options.MinRepeatBuyers && rate[item] >= options.MinRepeatRate;
        }
        return new RepeatStats(rate, median, repeaters, replenishable);
    }

    private static float Days(long packed)
    {
        return BitConverter.Int32BitsToSingle((int)(packed & 0xFFFFFFFF));
    }
}

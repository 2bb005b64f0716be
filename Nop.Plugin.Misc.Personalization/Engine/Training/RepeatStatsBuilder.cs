using System.Runtime.InteropServices;
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
        // a customer's events are in time order, so each product's purchase days come in ascending order: the intervals
        // between distinct days are found in one pass, without sorting
        var stamp = new int[n];
        Array.Fill(stamp, -1);
        var lastDay = new long[n];
        var days = new int[n];
        var bought = new List<int>();
        var intervalItem = new List<int>();
        var intervalDays = new List<float>();
        for (var c = 0; c < data.CustomerCount; c++)
        {
            bought.Clear();
            for (var e = data.CustomerOffsets[c]; e < data.CustomerOffsets[c + 1]; e++)
            {
                if (data.Type[e] != (byte)InteractionType.Purchase)
                    continue;
                var item = data.Item[e];
                var day = data.Ticks[e] / TimeSpan.TicksPerDay;
                if (stamp[item] != c)
                {
                    stamp[item] = c;
                    lastDay[item] = day;
                    days[item] = 1;
                    bought.Add(item);
                }
                else if (day != lastDay[item])
                {
                    intervalItem.Add(item);
                    intervalDays.Add(day - lastDay[item]);
                    lastDay[item] = day;
                    days[item]++;
                }
            }
            foreach (var item in bought)
            {
                buyers[item]++;
                if (days[item] >= 2)
                    repeaters[item]++;
            }
        }

        // intervals grouped by product (counting sort), each group sorted for its median; intervals are positive, so
        // their bits sort like integers
        var offsets = new int[n + 1];
        foreach (var item in intervalItem)
            offsets[item + 1]++;
        for (var item = 0; item < n; item++)
            offsets[item + 1] += offsets[item];
        var cursor = (int[])offsets.Clone();
        var grouped = new float[intervalItem.Count];
        for (var i = 0; i < grouped.Length; i++)
            grouped[cursor[intervalItem[i]]++] = intervalDays[i];

        var rate = new float[n];
        var median = new float[n];
        var replenishable = new bool[n];
        for (var item = 0; item < n; item++)
        {
            var len = offsets[item + 1] - offsets[item];
            if (len > 0)
            {
                var span = grouped.AsSpan(offsets[item], len);
                MemoryMarshal.Cast<float, int>(span).Sort();
                median[item] = len % 2 == 1 ? span[len / 2] : (span[len / 2 - 1] + span[len / 2]) / 2f;
            }
            rate[item] = buyers[item] == 0 ? 0 : repeaters[item] / (float)buyers[item];
            replenishable[item] = repeaters[item] >= options.MinRepeatBuyers && rate[item] >= options.MinRepeatRate;
        }
        return new RepeatStats(rate, median, repeaters, replenishable);
    }
}

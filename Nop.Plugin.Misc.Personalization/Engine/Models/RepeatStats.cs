namespace Nop.Plugin.Misc.Personalization.Engine.Models;

/// <summary>
/// Per product: share of buyers who bought it again on another day, the median days between a customer's purchases of
/// it, and whether it has enough repeat support to count as replenishable.
/// </summary>
public sealed class RepeatStats
{
    internal RepeatStats(float[] repeatRate, float[] medianIntervalDays, int[] repeatBuyers, bool[] replenishable)
    {
        RepeatRate = repeatRate;
        MedianIntervalDays = medianIntervalDays;
        RepeatBuyers = repeatBuyers;
        Replenishable = replenishable;
    }

    internal float[] RepeatRate { get; }
    internal float[] MedianIntervalDays { get; }
    internal int[] RepeatBuyers { get; }
    internal bool[] Replenishable { get; }

    public double RepeatRateOf(int index)
    {
        return RepeatRate[index];
    }

    /// <summary>0 when no customer bought the product twice.</summary>
    public double MedianIntervalDaysOf(int index)
    {
        return MedianIntervalDays[index];
    }

    public int RepeatBuyersOf(int index)
    {
        return RepeatBuyers[index];
    }

    public bool IsReplenishable(int index)
    {
        return Replenishable[index];
    }
}

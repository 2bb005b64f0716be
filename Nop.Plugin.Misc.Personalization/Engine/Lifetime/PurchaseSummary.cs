namespace Nop.Plugin.Misc.Personalization.Engine.Lifetime;

/// <summary>
/// One customer's history as the BG/NBD model sees it, in days. A transaction is a distinct purchase day (several
/// orders on one day count once), so <see cref="Frequency"/> is the number of purchase days after the first one.
/// </summary>
/// <param name="Frequency">x: repeat purchase days.</param>
/// <param name="Recency">t_x: days from the first to the last purchase day (0 when x = 0).</param>
/// <param name="Age">T: days from the first purchase day to the moment of the prediction.</param>
public readonly record struct PurchaseSummary(int Frequency, double Recency, double Age)
{
    /// <summary>The summary of a customer's purchase times as of <paramref name="asOf"/>; null without a purchase before it.</summary>
    public static PurchaseSummary? Of(IEnumerable<DateTime> purchaseTimes, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(purchaseTimes);

        var days = purchaseTimes.Where(time => time < asOf).Select(time => time.Date).Distinct().ToArray();
        if (days.Length == 0)
            return null;

        var first = days.Min();
        var last = days.Max();
        return new PurchaseSummary(days.Length - 1, (last - first).TotalDays, (asOf - first).TotalDays);
    }
}

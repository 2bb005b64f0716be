using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// A customer's orders as seen through purchase interactions.
/// </summary>
/// <param name="Orders">Distinct order ids; purchases without one count one order per calendar day.</param>
/// <param name="MedianGapDays">Median gap in whole days between consecutive distinct order days; null with fewer than two.</param>
public sealed record OrderHistory(int Orders, decimal TotalSpent, DateTime? FirstOrderUtc, DateTime? LastOrderUtc, double? MedianGapDays)
{
    public static OrderHistory Of(IEnumerable<Interaction> interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);

        var purchases = interactions.Where(interaction => interaction.Type == InteractionType.Purchase).ToArray();
        if (purchases.Length == 0)
            return new OrderHistory(0, 0m, null, null, null);

        var orders = purchases
            .GroupBy(purchase => purchase.OrderId != 0 ? (purchase.OrderId, DateTime.MinValue) : (0, purchase.TimeUtc.Date))
            .Select(order => order.Min(purchase => purchase.TimeUtc))
            .ToArray();
        var days = orders.Select(time => time.Date).Distinct().OrderBy(day => day).ToArray();
        var gaps = new double[Math.Max(0, days.Length - 1)];
        for (var i = 1; i < days.Length; i++)
            gaps[i - 1] = (days[i] - days[i - 1]).TotalDays;

        return new OrderHistory(
            orders.Length,
            purchases.Sum(purchase => purchase.Quantity * purchase.Price),
            orders.Min(),
            orders.Max(),
            gaps.Length == 0 ? null : Statistics.Median(gaps));
    }
}

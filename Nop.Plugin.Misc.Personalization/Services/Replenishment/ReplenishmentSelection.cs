using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// Which customers of a store get a reminder and with which products, before consent (checked against nopCommerce
/// afterwards, in this order, until the run's bound is reached).
/// </summary>
public static class ReplenishmentSelection
{
    /// <param name="predictions">The store's predictions (any kind; others are ignored).</param>
    /// <param name="lastRemindedOnUtc">Per customer, the latest time any of their predictions was e-mailed.</param>
    /// <param name="isShowable">Whether a product may be offered now (published, visible, available, in stock).</param>
    /// <returns>Customers with the most confident prediction first.</returns>
    public static IReadOnlyList<ReplenishmentReminder> Select(IEnumerable<PersonalizationPrediction> predictions,
        IReadOnlyDictionary<int, DateTime> lastRemindedOnUtc, Func<int, bool> isShowable, ReplenishmentEmailRules rules, DateTime nowUtc)
    {
        var windowStart = rules.WindowStart(nowUtc);
        var windowEnd = rules.WindowEnd(nowUtc);
        var cutoff = rules.LastReminderCutoff(nowUtc);

        return predictions
            .Where(prediction => prediction.Kind == (int)PredictionKind.Replenishment
                && prediction.EmailedOnUtc == null
                && prediction.DueOnUtc >= windowStart && prediction.DueOnUtc <= windowEnd)
            .GroupBy(prediction => prediction.CustomerId)
            .Where(group => !lastRemindedOnUtc.TryGetValue(group.Key, out var last) || last <= cutoff)
            .Select(group => new ReplenishmentReminder(group.Key, group
                .Where(prediction => isShowable(prediction.ProductId))
                .GroupBy(prediction => prediction.ProductId)
                .Select(sameProduct => sameProduct.OrderByDescending(prediction => prediction.Score).First())
                .OrderByDescending(prediction => prediction.Score)
                .ThenBy(prediction => prediction.DueOnUtc)
                .ThenBy(prediction => prediction.ProductId)
                .Take(rules.MaxProducts)
                .ToList()))
            .Where(reminder => reminder.Predictions.Count > 0)
            .OrderByDescending(reminder => reminder.BestScore)
            .ThenBy(reminder => reminder.CustomerId)
            .ToList();
    }
}

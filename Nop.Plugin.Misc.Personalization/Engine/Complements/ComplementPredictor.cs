using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Complements;

/// <summary>
/// Timed complements: for each product a customer bought recently (the anchor, their latest purchase of it), the
/// products the sequential table says usually follow it, each with a window [anchor, anchor + window] derived from the
/// pair's median lag. A product already bought is left out unless it is replenishable and was last bought before the
/// anchor (the same rule the recommendations follow); one bought at or after the anchor has followed already. A
/// product that follows several anchors keeps its best one. Pure and deterministic.
/// </summary>
public static class ComplementPredictor
{
    /// <summary>One customer's predictions, best first, from their interactions (only purchases at or before now count).</summary>
    public static IReadOnlyList<ComplementPrediction> ForCustomer(ModelSnapshot snapshot, int customerId, ReadOnlySpan<Interaction> history,
        DateTime nowUtc, ComplementOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);

        var lastPurchase = new Dictionary<int, DateTime>();
        foreach (var e in history)
        {
            if (e.Type != InteractionType.Purchase || e.ProductId == 0 || e.TimeUtc > nowUtc)
                continue;
            if (!lastPurchase.TryGetValue(e.ProductId, out var last) || e.TimeUtc > last)
                lastPurchase[e.ProductId] = e.TimeUtc;
        }
        if (lastPurchase.Count == 0)
            return [];

        var catalog = snapshot.Catalog;
        var table = snapshot.Sequential;
        var best = new Dictionary<int, ComplementPrediction>();
        foreach (var (anchorProductId, anchorUtc) in lastPurchase)
        {
            var a = catalog.IndexOf(anchorProductId);
            var age = (nowUtc - anchorUtc).TotalDays;
            if (a < 0 || !table.HasLags || age > options.MaxWindowDays)
                continue;

            var neighbours = table.NeighboursOf(a);
            var scores = table.ScoresOf(a);
            var lags = table.LagDaysOf(a);
            for (var r = 0; r < neighbours.Length; r++)
            {
                var productId = catalog.ProductIdAt(neighbours[r]);
                var windowDays = Math.Clamp(options.WindowLagMultiple * lags[r], options.MinWindowDays, options.MaxWindowDays);
                if (age > windowDays || !double.IsFinite(scores[r]) || scores[r] <= 0)
                    continue;
                if (lastPurchase.TryGetValue(productId, out var boughtUtc) && (boughtUtc >= anchorUtc || !snapshot.Repeat.IsReplenishable(neighbours[r])))
                    continue;

                var score = scores[r] * (1 - age / windowDays);
                var prediction = new ComplementPrediction(snapshot.StoreId, customerId, productId, anchorProductId, anchorUtc,
                    anchorUtc.AddDays(lags[r]), anchorUtc.AddDays(windowDays), lags[r], scores[r], score);
                if (!best.TryGetValue(productId, out var kept) || IsBetter(prediction, kept))
                    best[productId] = prediction;
            }
        }

        return best.Values
            .OrderByDescending(prediction => prediction.Score)
            .ThenBy(prediction => prediction.ProductId)
            .Take(options.MaxPerCustomer)
            .ToArray();
    }

    /// <summary>
    /// Every customer's predictions in the snapshot's store, ordered by customer then rank; interactions of other stores
    /// and of customer 0 (anonymous) are ignored.
    /// </summary>
    public static IReadOnlyList<ComplementPrediction> ForStore(ModelSnapshot snapshot, IEnumerable<Interaction> interactions, DateTime nowUtc,
        ComplementOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(interactions);

        var earliestAnchor = nowUtc.AddDays(-options.MaxWindowDays);
        var byCustomer = interactions
            .Where(e => e.StoreId == snapshot.StoreId && e.CustomerId > 0 && e.Type == InteractionType.Purchase)
            .GroupBy(e => e.CustomerId)
            //only customers with a purchase young enough to anchor a window can get a prediction
            .Where(customer => customer.Any(e => e.TimeUtc >= earliestAnchor && e.TimeUtc <= nowUtc))
            .OrderBy(customer => customer.Key);

        var predictions = new List<ComplementPrediction>();
        foreach (var customer in byCustomer)
            predictions.AddRange(ForCustomer(snapshot, customer.Key, customer.ToArray(), nowUtc, options));
        return predictions;
    }

    //stronger first; between equals the more recent anchor (a longer wait ahead), then the lower product id
    private static bool IsBetter(ComplementPrediction candidate, ComplementPrediction kept) =>
        candidate.Score > kept.Score
        || (candidate.Score == kept.Score && (candidate.AnchorUtc > kept.AnchorUtc
            || (candidate.AnchorUtc == kept.AnchorUtc && candidate.AnchorProductId < kept.AnchorProductId)));
}

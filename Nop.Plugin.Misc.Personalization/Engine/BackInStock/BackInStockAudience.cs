using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.BackInStock;

/// <summary>
/// Whom a product coming back in stock is offered to: every customer who asked to be told, earliest first, then the
/// customers whose interest the model scores highest, a bounded number. A predicted customer's score is their decayed,
/// type-weighted interactions with the product itself plus those with its neighbours weighted by similarity (the
/// item-based score of one item); one who already bought the product is not predicted to want it again.
/// </summary>
public static class BackInStockAudience
{
    /// <summary>The score predicted customers are scaled below, so a subscriber always comes first.</summary>
    public const double PREDICTED_CEILING = 0.99;

    /// <param name="interactions">
    /// The store's interactions with the product and its neighbours (others are ignored), of any customers.
    /// </param>
    /// <param name="neighbours">Similarity of products like the one back in stock (the product itself counts 1).</param>
    public static IReadOnlyList<BackInStockOffer> Choose(int productId, IReadOnlyList<BackInStockSubscriber> subscribers,
        IReadOnlyList<Interaction> interactions, IReadOnlyDictionary<int, double> neighbours, DateTime nowUtc, BackInStockOptions options)
    {
        ArgumentNullException.ThrowIfNull(subscribers);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(neighbours);
        ArgumentNullException.ThrowIfNull(options);

        var offers = new List<BackInStockOffer>();
        var chosen = new HashSet<int>();
        foreach (var subscriber in subscribers.Where(s => s.CustomerId > 0).OrderBy(s => s.SubscribedOnUtc).ThenBy(s => s.CustomerId))
        {
            if (chosen.Add(subscriber.CustomerId))
                offers.Add(new BackInStockOffer(subscriber.CustomerId, 1, true));
        }

        if (options.MaxPredicted <= 0)
            return offers;

        var scores = Scores(productId, interactions, neighbours, nowUtc, options);
        var predicted = scores
            .Where(pair => !chosen.Contains(pair.Key) && pair.Value > 0 && double.IsFinite(pair.Value))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key)
            .Take(options.MaxPredicted)
            .ToList();
        if (predicted.Count == 0)
            return offers;

        var top = predicted[0].Value;
        offers.AddRange(predicted.Select(pair => new BackInStockOffer(pair.Key, PREDICTED_CEILING * pair.Value / top, false)));
        return offers;
    }

    private static Dictionary<int, double> Scores(int productId, IReadOnlyList<Interaction> interactions, IReadOnlyDictionary<int, double> neighbours,
        DateTime nowUtc, BackInStockOptions options)
    {
        var scores = new Dictionary<int, double>();
        var bought = new HashSet<int>();
        var halfLife = Math.Max(options.HalfLifeDays, 1e-6);
        foreach (var e in interactions)
        {
            if (e.CustomerId <= 0)
                continue;
            if (e.ProductId == productId && e.Type == InteractionType.Purchase)
                bought.Add(e.CustomerId);

            var similarity = e.ProductId == productId ? 1 : neighbours.GetValueOrDefault(e.ProductId);
            var weight = options.Weights[e.Type];
            if (similarity <= 0 || weight <= 0)
                continue;

            var ageDays = Math.Max(0, (nowUtc - e.TimeUtc).TotalDays);
            scores[e.CustomerId] = scores.GetValueOrDefault(e.CustomerId) + weight * similarity * Math.Pow(0.5, ageDays / halfLife);
        }

        foreach (var customerId in bought)
            scores.Remove(customerId);
        return scores;
    }
}

namespace Nop.Plugin.Misc.Personalization.Engine.Lifetime;

/// <summary>
/// Fits the BG/NBD model on a store's customers and predicts each one's lifetime; predicts nothing when the store
/// lacks the history to fit.
/// </summary>
public static class LifetimePredictor
{
    /// <param name="purchaseTimes">Every customer's purchase times (only those before <paramref name="asOf"/> count).</param>
    public static IReadOnlyDictionary<int, LifetimePrediction> Predict(IReadOnlyDictionary<int, IReadOnlyList<DateTime>> purchaseTimes, DateTime asOf, LifetimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(purchaseTimes);
        ArgumentNullException.ThrowIfNull(options);

        var summaries = new Dictionary<int, PurchaseSummary>();
        foreach (var (customerId, times) in purchaseTimes)
            if (PurchaseSummary.Of(times, asOf) is { } summary)
                summaries[customerId] = summary;

        var fitted = BgNbdFitter.Fit(summaries.Values.ToArray(), options);
        if (fitted is not { } parameters)
            return new Dictionary<int, LifetimePrediction>();

        var predictions = new Dictionary<int, LifetimePrediction>(summaries.Count);
        foreach (var (customerId, summary) in summaries)
        {
            var expected = BgNbdModel.ExpectedPurchases(parameters, summary, options.HorizonDays);
            if (double.IsFinite(expected))
                predictions[customerId] = new LifetimePrediction(BgNbdModel.ProbabilityAlive(parameters, summary), Math.Max(0, expected));
        }

        return predictions;
    }

    /// <summary>How many buyers and repeat buyers the store's history offers the fit (as <see cref="Predict"/> counts them).</summary>
    public static LifetimeSupport SupportOf(IReadOnlyDictionary<int, IReadOnlyList<DateTime>> purchaseTimes, DateTime asOf, bool fitted)
    {
        ArgumentNullException.ThrowIfNull(purchaseTimes);

        var buyers = 0;
        var repeat = 0;
        foreach (var times in purchaseTimes.Values)
        {
            if (PurchaseSummary.Of(times, asOf) is not { } summary)
                continue;
            buyers++;
            if (summary.Frequency > 0)
                repeat++;
        }

        return new LifetimeSupport(buyers, repeat, fitted);
    }
}

using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// Builds every customer's profile per store: affinities, RFM quintiles (within the store) and lifecycle stage.
/// Pure: the same interactions, catalog, time and options always give the same profiles.
/// </summary>
public static class ProfileBuilder
{
    /// <summary>
    /// Profiles of every customer with at least one interaction at or before <paramref name="nowUtc"/>, ordered by
    /// store then customer. Price bands come from the catalog prices of <paramref name="products"/>.
    /// </summary>
    public static IReadOnlyList<CustomerProfile> Build(
        IEnumerable<Interaction> interactions,
        IReadOnlyDictionary<int, ProductFacts> products,
        DateTime nowUtc,
        ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(options);

        var bands = PriceBands.FromPrices(products.Values.Select(product => product.Price), options.PriceBandCount);
        return Build(interactions, products, bands, nowUtc, options);
    }

    public static IReadOnlyList<CustomerProfile> Build(
        IEnumerable<Interaction> interactions,
        IReadOnlyDictionary<int, ProductFacts> products,
        PriceBands priceBands,
        DateTime nowUtc,
        ProfileOptions options)
    {
        return BuildSorted(InteractionOrder.SortedUpTo(interactions, nowUtc), products, priceBands, nowUtc, options);
    }

    /// <summary>
    /// Profiles from interactions already sorted by <see cref="InteractionOrder.Canonical"/>, none after
    /// <paramref name="nowUtc"/>; each customer's run is read in place, not copied.
    /// </summary>
    public static IReadOnlyList<CustomerProfile> BuildSorted(
        Interaction[] sorted,
        IReadOnlyDictionary<int, ProductFacts> products,
        PriceBands priceBands,
        DateTime nowUtc,
        ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentNullException.ThrowIfNull(options);

        var profiles = new List<CustomerProfile>();
        var start = 0;
        while (start < sorted.Length)
        {
            var end = start;
            while (end < sorted.Length && sorted[end].StoreId == sorted[start].StoreId)
                end++;
            profiles.AddRange(BuildStore(sorted[start].StoreId, new ArraySegment<Interaction>(sorted, start, end - start), products, priceBands, nowUtc, options));
            start = end;
        }

        return profiles;
    }

    private static IEnumerable<CustomerProfile> BuildStore(
        int storeId,
        ArraySegment<Interaction> interactions,
        IReadOnlyDictionary<int, ProductFacts> products,
        PriceBands priceBands,
        DateTime nowUtc,
        ProfileOptions options)
    {
        var customers = new List<(int CustomerId, ArraySegment<Interaction> Interactions, OrderHistory History)>();
        var start = 0;
        while (start < interactions.Count)
        {
            var end = start;
            while (end < interactions.Count && interactions[end].CustomerId == interactions[start].CustomerId)
                end++;
            var run = interactions.Slice(start, end - start);
            customers.Add((run[0].CustomerId, run, OrderHistory.Of(run)));
            start = end;
        }

        var ordering = customers.Where(customer => customer.History.Orders > 0).ToArray();
        var recency = RfmScoring.Quintiles(ordering.Select(c => (nowUtc - c.History.LastOrderUtc.Value).TotalDays).ToArray(), higherIsBetter: false);
        var frequency = RfmScoring.Quintiles(ordering.Select(c => (double)c.History.Orders).ToArray(), higherIsBetter: true);
        var monetary = RfmScoring.Quintiles(ordering.Select(c => (double)c.History.TotalSpent).ToArray(), higherIsBetter: true);
        var rfm = new Dictionary<int, (byte, byte, byte)>();
        for (var i = 0; i < ordering.Length; i++)
            rfm[ordering[i].CustomerId] = (recency[i], frequency[i], monetary[i]);

        var storeGap = StoreGapDays(ordering.Select(c => c.History.MedianGapDays), options);
        foreach (var customer in customers)
        {
            var history = customer.History;
            rfm.TryGetValue(customer.CustomerId, out var scores);
            double? daysSince = history.LastOrderUtc == null ? null : (nowUtc - history.LastOrderUtc.Value).TotalDays;
            yield return new CustomerProfile(
                storeId,
                customer.CustomerId,
                nowUtc,
                history.Orders,
                history.TotalSpent,
                history.LastOrderUtc,
                daysSince,
                history.MedianGapDays,
                scores.Item1,
                scores.Item2,
                scores.Item3,
                LifecycleRules.Stage(history.Orders, daysSince, history.MedianGapDays, storeGap, options),
                AffinityCalculator.Compute(customer.Interactions, products, priceBands, nowUtc, options));
        }
    }

    /// <summary>
    /// The store's usual gap: median of its repeat customers' own median gaps, or the option when none repeat.
    /// </summary>
    public static double StoreGapDays(IEnumerable<double?> customerMedianGaps, ProfileOptions options)
    {
        var gaps = customerMedianGaps.Where(gap => gap != null).Select(gap => gap.Value).ToArray();
        return gaps.Length == 0 ? options.DefaultGapDays : Statistics.Median(gaps);
    }
}

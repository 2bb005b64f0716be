using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Complements;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Lifetime;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Replenishment;
using Nop.Plugin.Misc.Personalization.Engine.Segments;

namespace Nop.Plugin.Misc.Personalization.Engine.Insights;

/// <summary>
/// Layers 2 and 3 in one pass over the interactions: profiles (affinities, RFM, lifecycle, predicted lifetime), the segments each customer
/// falls into with the segments' sizes, the replenishment predictions due soon and, from each store's trained model,
/// the timed complements whose window is open. Pure and deterministic.
/// </summary>
public static class CustomerInsightsBuilder
{
    public static IReadOnlyList<StoreInsights> Build(
        IReadOnlyCollection<Interaction> interactions,
        IEnumerable<ProductFacts> products,
        IReadOnlyList<SegmentDefinition> segments,
        DateTime nowUtc,
        InsightsOptions options,
        IReadOnlyDictionary<int, ModelSnapshot> models = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(options);

        var facts = new Dictionary<int, ProductFacts>();
        foreach (var product in products)
            facts[product.ProductId] = product;

        //one canonical order: each customer's run is contiguous, and sums of decayed weights do not depend on the read order
        var past = InteractionOrder.SortedUpTo(interactions, nowUtc);
        var interactionCounts = past.CountBy(interaction => (interaction.StoreId, interaction.CustomerId)).ToDictionary();
        var bands = PriceBandsOf(facts.Values, options);
        var profiles = ProfileBuilder.BuildSorted(past, facts, bands, nowUtc, options.Profiles)
            .Where(profile => profile.Orders > 0 || interactionCounts[(profile.StoreId, profile.CustomerId)] >= options.MinInteractionsWithoutOrder)
            .ToLookup(profile => profile.StoreId);
        var lifetimes = LifetimesByStore(past, nowUtc, options.Lifetime);
        var replenishment = ReplenishmentModel.Build(past, nowUtc, options.Replenishment);
        var predictions = replenishment.Predictions
            .Where(prediction => prediction.DueUtc >= nowUtc.AddDays(-options.Replenishment.WindowTolerance * prediction.CycleDays)
                && prediction.DueUtc <= nowUtc.AddDays(options.PredictionHorizonDays))
            .ToLookup(prediction => prediction.StoreId);

        var complements = (models ?? new Dictionary<int, ModelSnapshot>())
            .SelectMany(model => ComplementPredictor.ForStore(model.Value, past, nowUtc, options.Complements))
            .ToLookup(prediction => prediction.StoreId);

        return profiles.Select(store => store.Key)
            .Union(predictions.Select(store => store.Key))
            .Union(complements.Select(store => store.Key))
            .Order()
            .Select(storeId =>
            {
                var storeLifetimes = lifetimes.GetValueOrDefault(storeId);
                var storeProfiles = profiles[storeId].OrderBy(profile => profile.CustomerId)
                    .Select(profile => WithLifetime(profile, storeLifetimes))
                    .ToArray();
                return new StoreInsights(
                    storeId,
                    storeProfiles.Select(profile => new SegmentedProfile(profile, SegmentAnalysis.MemberOf(profile, segments))).ToArray(),
                    SegmentAnalysis.Sizes(storeProfiles, segments, options.Segments),
                    predictions[storeId].ToArray(),
                    complements[storeId].ToArray());
            })
            .ToArray();
    }

    /// <summary>Per store, each buyer's predicted lifetime from their purchase times (none for a store the model cannot fit).</summary>
    private static Dictionary<int, IReadOnlyDictionary<int, LifetimePrediction>> LifetimesByStore(IEnumerable<Interaction> past, DateTime nowUtc, LifetimeOptions options)
    {
        return past.Where(interaction => interaction.Type == InteractionType.Purchase)
            .GroupBy(interaction => interaction.StoreId)
            .ToDictionary(
                store => store.Key,
                store => LifetimePredictor.Predict(
                    store.GroupBy(purchase => purchase.CustomerId).ToDictionary(customer => customer.Key, customer => (IReadOnlyList<DateTime>)customer.Select(purchase => purchase.TimeUtc).ToArray()),
                    nowUtc,
                    options));
    }

    private static CustomerProfile WithLifetime(CustomerProfile profile, IReadOnlyDictionary<int, LifetimePrediction> lifetimes)
    {
        return lifetimes != null && lifetimes.TryGetValue(profile.CustomerId, out var lifetime)
            ? profile with { ProbabilityAlive = lifetime.ProbabilityAlive, ExpectedPurchases = lifetime.ExpectedPurchases }
            : profile;
    }

    /// <summary>The price bands a run judges customers by: the catalog's own quantiles, in the shop's primary currency.</summary>
    public static PriceBands PriceBandsOf(IEnumerable<ProductFacts> products, InsightsOptions options) =>
        PriceBands.FromPrices(products.Select(product => product.Price), options.Profiles.PriceBandCount);
}

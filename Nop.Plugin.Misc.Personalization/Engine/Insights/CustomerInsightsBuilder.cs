using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Complements;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Replenishment;
using Nop.Plugin.Misc.Personalization.Engine.Segments;

namespace Nop.Plugin.Misc.Personalization.Engine.Insights;

/// <summary>
/// Layers 2 and 3 in one pass over the interactions: profiles (affinities, RFM, lifecycle), the segments each customer
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
                var storeProfiles = profiles[storeId].OrderBy(profile => profile.CustomerId).ToArray();
                return new StoreInsights(
                    storeId,
                    storeProfiles.Select(profile => new SegmentedProfile(profile, SegmentAnalysis.MemberOf(profile, segments))).ToArray(),
                    SegmentAnalysis.Sizes(storeProfiles, segments, options.Segments),
                    predictions[storeId].ToArray(),
                    complements[storeId].ToArray());
            })
            .ToArray();
    }

    /// <summary>The price bands a run judges customers by: the catalog's own quantiles, in the shop's primary currency.</summary>
    public static PriceBands PriceBandsOf(IEnumerable<ProductFacts> products, InsightsOptions options) =>
        PriceBands.FromPrices(products.Select(product => product.Price), options.Profiles.PriceBandCount);
}

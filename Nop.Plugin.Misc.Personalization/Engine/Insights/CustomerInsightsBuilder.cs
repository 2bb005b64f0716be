using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Complements;
using Nop.Plugin.Misc.Personalization.Engine.Engagement;
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
        IReadOnlyDictionary<int, ModelSnapshot> models = null,
        IReadOnlyCollection<EmailActivity> emails = null)
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
        var engagement = EmailEngagementCalculator.Calculate(emails ?? [], nowUtc);
        var profiles = WithEmailEngagement(ProfileBuilder.BuildSorted(past, facts, bands, nowUtc, options.Profiles), engagement, nowUtc)
            .Where(profile => profile.Orders > 0 || profile.Email?.Opened > 0
                || interactionCounts.GetValueOrDefault((profile.StoreId, profile.CustomerId)) >= options.MinInteractionsWithoutOrder)
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
                var (storeLifetimes, support) = lifetimes.GetValueOrDefault(storeId, (null, LifetimeSupport.None));
                var storeProfiles = profiles[storeId].OrderBy(profile => profile.CustomerId)
                    .Select(profile => WithLifetime(profile, storeLifetimes))
                    .ToArray();
                return new StoreInsights(
                    storeId,
                    storeProfiles.Select(profile => new SegmentedProfile(profile, SegmentAnalysis.MemberOf(profile, segments))).ToArray(),
                    SegmentAnalysis.Sizes(storeProfiles, segments, options.Segments),
                    predictions[storeId].ToArray(),
                    complements[storeId].ToArray()) { Lifetime = support };
            })
            .ToArray();
    }

    /// <summary>Per store, each buyer's predicted lifetime from their purchase times (none for a store the model cannot fit).</summary>
    private static Dictionary<int, (IReadOnlyDictionary<int, LifetimePrediction> Predictions, LifetimeSupport Support)> LifetimesByStore(
        IEnumerable<Interaction> past, DateTime nowUtc, LifetimeOptions options)
    {
        //anonymous purchases (customer 0) are nobody's history: one "customer" buying every day would skew the fit
        return past.Where(interaction => interaction.Type == InteractionType.Purchase && interaction.CustomerId > 0)
            .GroupBy(interaction => interaction.StoreId)
            .ToDictionary(
                store => store.Key,
                store =>
                {
                    var purchaseTimes = store.GroupBy(purchase => purchase.CustomerId)
                        .ToDictionary(customer => customer.Key, customer => (IReadOnlyList<DateTime>)customer.Select(purchase => purchase.TimeUtc).ToArray());
                    var predictions = LifetimePredictor.Predict(purchaseTimes, nowUtc, options);
                    return (predictions, LifetimePredictor.SupportOf(purchaseTimes, nowUtc, predictions.Count > 0));
                });
    }

    /// <summary>
    /// Sets each profile's e-mail engagement, and adds an empty profile for a customer who opened or clicked an e-mail
    /// without any product interaction (so a rule such as <c>email_clicks_90d &gt;= 1</c> counts them too).
    /// </summary>
    private static IEnumerable<CustomerProfile> WithEmailEngagement(IEnumerable<CustomerProfile> profiles,
        IReadOnlyDictionary<(int StoreId, int CustomerId), EmailEngagementSummary> engagement, DateTime nowUtc)
    {
        var seen = new HashSet<(int StoreId, int CustomerId)>();
        foreach (var profile in profiles)
        {
            var key = (profile.StoreId, profile.CustomerId);
            seen.Add(key);
            yield return engagement.TryGetValue(key, out var email) ? profile with { Email = email } : profile;
        }

        foreach (var (key, email) in engagement.OrderBy(pair => pair.Key))
        {
            if (email.Opened > 0 && !seen.Contains(key))
                yield return new CustomerProfile(key.StoreId, key.CustomerId, nowUtc, 0, 0m, null, null, null, 0, 0, 0, LifecycleStage.None, []) { Email = email };
        }
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

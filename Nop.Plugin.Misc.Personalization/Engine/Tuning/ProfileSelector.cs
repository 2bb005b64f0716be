using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Engine.Tuning;

/// <summary>
/// Lets a shop's own history choose its training profile: hold out the last days, train each candidate on what came
/// before, ask "for you" for every customer who then bought, and keep the profile whose lists held more of what they
/// bought (NDCG@10, products new to the customer and all products, equally weighted). The first candidate is the
/// fallback: it is kept when too few customers bought in the window to tell the profiles apart, and on ties.
/// </summary>
public static class ProfileSelector
{
    public const int LIST_LENGTH = 10;

    public static ProfileSelection Choose(IReadOnlyList<Interaction> interactions, IReadOnlyList<ProductFacts> products,
        IReadOnlyList<TrainingProfile> candidates, DateTime nowUtc, ProfileSelectionOptions options = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
            throw new ArgumentException("At least one profile is needed", nameof(candidates));
        options ??= new ProfileSelectionOptions();

        var cut = nowUtc.AddDays(-options.HoldoutDays);
        var split = HoldoutSplit.Create(interactions, cut, nowUtc, options.MaxCustomers);
        if (split.Customers.Count < options.MinCustomers)
        {
            return new ProfileSelection(candidates[0].Name, split.Customers.Count, Array.Empty<ProfileScore>(),
                $"{split.Customers.Count} customers bought in the last {options.HoldoutDays:0.#} days; {options.MinCustomers} are needed to compare profiles");
        }

        var scores = candidates.Select(candidate => Score(candidate, split, products ?? Array.Empty<ProductFacts>(), cut)).ToList();
        var best = scores[0];
        foreach (var score in scores.Skip(1))
        {
            if (score.Objective > best.Objective)
                best = score;
        }
        return new ProfileSelection(best.Profile, split.Customers.Count, scores, "compared on the shop's own recent purchases");
    }

    private static ProfileScore Score(TrainingProfile profile, HoldoutSplit split, IReadOnlyList<ProductFacts> products, DateTime cut)
    {
        var snapshot = EngineTrainer.Train(split.Train, products, profile.Options with { StoreId = 0 }, cut);
        var recommender = new Recommender(snapshot, profile.Options.Scoring);
        var include = new RequestContext { Purchased = PurchasedProducts.Include };
        var exclude = new RequestContext { Purchased = PurchasedProducts.Exclude };
        double all = 0, discovery = 0;
        var discoveryCustomers = 0;
        foreach (var (customerId, bought, boughtNew) in split.Customers)
        {
            var history = split.HistoryOf(customerId);
            all += RankingMetrics.NdcgAt(recommender.ForCustomer(history, cut, LIST_LENGTH, include), bought, LIST_LENGTH);
            if (boughtNew.Count == 0)
                continue;
            discovery += RankingMetrics.NdcgAt(recommender.ForCustomer(history, cut, LIST_LENGTH, exclude), boughtNew, LIST_LENGTH);
            discoveryCustomers++;
        }
        return new ProfileScore(profile.Name, discoveryCustomers == 0 ? 0 : discovery / discoveryCustomers, all / split.Customers.Count);
    }
}

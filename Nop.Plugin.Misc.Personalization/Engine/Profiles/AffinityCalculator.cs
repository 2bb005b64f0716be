using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// Decayed affinities of one customer: each interaction weighs (type weight) × 0.5^(age / half-life); the score of a
/// category, manufacturer, price band or attribute is the share of the customer's total weight whose product touched it.
/// Attributes (specification options, tags, attribute values) have their own quota, so a product with many attributes
/// never pushes the customer's categories out of the profile.
/// </summary>
public static class AffinityCalculator
{
    public static double Decay(DateTime timeUtc, DateTime nowUtc, double halfLifeDays)
    {
        var ageDays = Math.Max(0, (nowUtc - timeUtc).TotalDays);
        return Math.Pow(0.5, ageDays / halfLifeDays);
    }

    /// <param name="interactions">One customer's interactions; those after <paramref name="nowUtc"/> are ignored.</param>
    /// <param name="products">Catalog facts by product id; interactions with unknown products still count in the total.</param>
    public static IReadOnlyList<Affinity> Compute(
        IEnumerable<Interaction> interactions,
        IReadOnlyDictionary<int, ProductFacts> products,
        PriceBands priceBands,
        DateTime nowUtc,
        ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(priceBands);
        ArgumentNullException.ThrowIfNull(options);

        var weights = new Dictionary<(AffinityKind, int), double>();
        var total = 0.0;
        foreach (var interaction in interactions)
        {
            if (interaction.ProductId == 0 || interaction.TimeUtc > nowUtc)
                continue;
            if (!options.InteractionWeights.TryGetValue(interaction.Type, out var typeWeight) || typeWeight <= 0)
                continue;

            var weight = typeWeight * Decay(interaction.TimeUtc, nowUtc, options.AffinityHalfLifeDays);
            total += weight;
            products.TryGetValue(interaction.ProductId, out var facts);
            if (facts != null)
            {
                foreach (var categoryId in facts.CategoryIds.Distinct())
                    Add(weights, AffinityKind.Category, categoryId, weight);
                if (facts.ManufacturerId != 0)
                    Add(weights, AffinityKind.Manufacturer, facts.ManufacturerId, weight);
                AddAll(weights, AffinityKind.SpecificationOption, facts.Attributes.SpecificationOptionIds, weight);
                AddAll(weights, AffinityKind.Tag, facts.Attributes.TagIds, weight);
                AddAll(weights, AffinityKind.AttributeValue, facts.Attributes.AttributeValueIds, weight);
            }

            var band = priceBands.BandOf(facts?.Price ?? interaction.Price);
            if (band != 0)
                Add(weights, AffinityKind.PriceBand, band, weight);
        }

        if (total <= 0)
            return Array.Empty<Affinity>();

        var strong = weights
            .Select(pair => new Affinity(pair.Key.Item1, pair.Key.Item2, pair.Value / total))
            .Where(affinity => affinity.Score >= options.MinAffinityScore)
            .OrderByDescending(affinity => affinity.Score)
            .ThenBy(affinity => affinity.Kind)
            .ThenBy(affinity => affinity.Id)
            .ToArray();
        return strong.Where(affinity => !IsAttribute(affinity.Kind)).Take(options.TopAffinities)
            .Concat(strong.Where(affinity => IsAttribute(affinity.Kind)).Take(options.TopAttributeAffinities))
            .OrderByDescending(affinity => affinity.Score)
            .ThenBy(affinity => affinity.Kind)
            .ThenBy(affinity => affinity.Id)
            .ToArray();
    }

    public static bool IsAttribute(AffinityKind kind) =>
        kind is AffinityKind.SpecificationOption or AffinityKind.Tag or AffinityKind.AttributeValue;

    private static void AddAll(Dictionary<(AffinityKind, int), double> weights, AffinityKind kind, int[] ids, double weight)
    {
        foreach (var id in ids.Distinct())
            Add(weights, kind, id, weight);
    }

    private static void Add(Dictionary<(AffinityKind, int), double> weights, AffinityKind kind, int id, double weight)
    {
        weights.TryGetValue((kind, id), out var current);
        weights[(kind, id)] = current + weight;
    }
}

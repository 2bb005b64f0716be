using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>
/// Splits a store's search log in time: the last <see cref="HeldOutShare"/> of searches are held out, each with the
/// first product the shopper viewed, carted or bought within the window after it (searches with none are dropped).
/// </summary>
public sealed class SearchHoldout
{
    public double HeldOutShare { get; init; } = 0.2;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(30);

    public (DateTime CutoffUtc, IReadOnlyList<(SearchLogEntry Search, int ChosenProductId)> HeldOut) Split(
        IReadOnlyList<SearchLogEntry> searches, IReadOnlyList<Interaction> interactions)
    {
        ArgumentNullException.ThrowIfNull(searches);
        ArgumentNullException.ThrowIfNull(interactions);
        if (searches.Count == 0)
            return (DateTime.MaxValue, []);

        var ordered = searches.OrderBy(search => search.TimeUtc).ToArray();
        var cutoff = ordered[Math.Clamp((int)(ordered.Length * (1 - HeldOutShare)), 0, ordered.Length - 1)].TimeUtc;
        var byCustomer = interactions
            .Where(interaction => interaction.ProductId != 0 && interaction.Type is InteractionType.View or InteractionType.AddToCart
                or InteractionType.Purchase or InteractionType.RecommendationClick)
            .GroupBy(interaction => interaction.CustomerId)
            .ToDictionary(group => group.Key, group => group.OrderBy(interaction => interaction.TimeUtc).ToArray());

        var heldOut = new List<(SearchLogEntry, int)>();
        foreach (var search in ordered.Where(search => search.TimeUtc >= cutoff))
        {
            if (!byCustomer.TryGetValue(search.CustomerId, out var done))
                continue;
            var next = done.FirstOrDefault(interaction => interaction.TimeUtc >= search.TimeUtc && interaction.TimeUtc - search.TimeUtc <= Window);
            if (next.ProductId != 0)
                heldOut.Add((search, next.ProductId));
        }

        return (cutoff, heldOut);
    }
}

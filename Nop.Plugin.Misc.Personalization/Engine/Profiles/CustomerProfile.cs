using Nop.Plugin.Misc.Personalization.Engine.Engagement;

namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// What the engine knows about one customer in one store at <see cref="ComputedOnUtc"/>.
/// </summary>
/// <param name="Orders">Distinct orders (purchases without an order id count one order per day).</param>
/// <param name="DaysSinceLastOrder">Null when the customer has not ordered.</param>
/// <param name="MedianGapDays">Median of the gaps between consecutive order days; null with fewer than two order days.</param>
/// <param name="Recency">RFM quintile 1..5 (5 = most recent) among the store's ordering customers; 0 without an order.</param>
/// <param name="Frequency">RFM quintile 1..5 (5 = most orders); 0 without an order.</param>
/// <param name="Monetary">RFM quintile 1..5 (5 = highest spend); 0 without an order.</param>
/// <param name="Affinities">Strongest affinities first.</param>
public sealed record CustomerProfile(
    int StoreId,
    int CustomerId,
    DateTime ComputedOnUtc,
    int Orders,
    decimal TotalSpent,
    DateTime? LastOrderUtc,
    double? DaysSinceLastOrder,
    double? MedianGapDays,
    byte Recency,
    byte Frequency,
    byte Monetary,
    LifecycleStage Lifecycle,
    IReadOnlyList<Affinity> Affinities)
{
    public decimal AverageOrderValue => Orders == 0 ? 0m : TotalSpent / Orders;

    /// <summary>BG/NBD P(still a customer); null without an order or when the store lacks the history to fit the model.</summary>
    public double? ProbabilityAlive { get; init; }

    /// <summary>BG/NBD expected purchase days in the next <see cref="Lifetime.LifetimeOptions.HorizonDays"/> (90) days; null like <see cref="ProbabilityAlive"/>.</summary>
    public double? ExpectedPurchases { get; init; }

    /// <summary>Opens and clicks of the shop's e-mails in the last 90 days; null when the customer had none and was sent none.</summary>
    public EmailEngagementSummary Email { get; init; }

    /// <summary>
    /// The score of one affinity, 0 when the profile does not hold it.
    /// </summary>
    public double AffinityTo(AffinityKind kind, int id)
    {
        foreach (var affinity in Affinities)
        {
            if (affinity.Kind == kind && affinity.Id == id)
                return affinity.Score;
        }

        return 0;
    }

    public string AffinitiesText => AffinityText.Format(Affinities);
}

using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Engine.Replenishment;

/// <summary>
/// The option-independent part of replenishment: per customer × product the distinct purchase days, per product the
/// pooled intervals. Built once, then turned into models with different options (tuning does exactly that).
/// </summary>
public sealed class PurchaseHistory
{
    private PurchaseHistory(IReadOnlyList<PairHistory> pairs, IReadOnlyList<ProductIntervals> products)
    {
        Pairs = pairs;
        Products = products;
    }

    /// <summary>Ordered by store, customer, product.</summary>
    public IReadOnlyList<PairHistory> Pairs { get; }

    /// <summary>Ordered by store, product.</summary>
    public IReadOnlyList<ProductIntervals> Products { get; }

    /// <summary>
    /// Reads purchases (other interaction types are ignored) at or before <paramref name="nowUtc"/>.
    /// </summary>
    public static PurchaseHistory From(IEnumerable<Interaction> interactions, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(interactions);

        var pairs = interactions
            .Where(interaction => interaction.Type == InteractionType.Purchase && interaction.ProductId != 0 && interaction.TimeUtc <= nowUtc)
            .GroupBy(interaction => (interaction.StoreId, interaction.CustomerId, interaction.ProductId))
            .Select(group => PairHistory.Of(group.Key.StoreId, group.Key.CustomerId, group.Key.ProductId, group.Select(interaction => interaction.TimeUtc)))
            .OrderBy(pair => pair.StoreId).ThenBy(pair => pair.CustomerId).ThenBy(pair => pair.ProductId)
            .ToArray();

        var products = pairs
            .GroupBy(pair => (pair.StoreId, pair.ProductId))
            .Select(group =>
            {
                var intervals = group.SelectMany(pair => pair.Intervals).ToArray();
                Array.Sort(intervals);
                return new ProductIntervals(group.Key.StoreId, group.Key.ProductId, group.Count(), group.Count(pair => pair.Intervals.Length > 0), intervals);
            })
            .OrderBy(product => product.StoreId).ThenBy(product => product.ProductId)
            .ToArray();

        return new PurchaseHistory(pairs, products);
    }
}

/// <summary>
/// One customer's purchases of one product.
/// </summary>
/// <param name="Days">Distinct purchase days, ascending.</param>
/// <param name="Intervals">Whole days between consecutive distinct purchase days.</param>
public sealed record PairHistory(int StoreId, int CustomerId, int ProductId, DateTime[] Days, DateTime LastPurchaseUtc, double[] Intervals)
{
    public double? OwnMedianDays => Intervals.Length == 0 ? null : Statistics.Median(Intervals);

    public static PairHistory Of(int storeId, int customerId, int productId, IEnumerable<DateTime> purchaseTimes)
    {
        var times = purchaseTimes.ToArray();
        var days = times.Select(time => time.Date).Distinct().OrderBy(day => day).ToArray();
        var intervals = new double[Math.Max(0, days.Length - 1)];
        for (var i = 1; i < days.Length; i++)
            intervals[i - 1] = (days[i] - days[i - 1]).TotalDays;

        return new PairHistory(storeId, customerId, productId, days, times.Max(), intervals);
    }
}

/// <param name="SortedIntervals">Pooled intervals of all repeat buyers, ascending.</param>
public sealed record ProductIntervals(int StoreId, int ProductId, int Buyers, int RepeatBuyers, double[] SortedIntervals);

using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Engine.Replenishment;

/// <summary>
/// Replenishment predictions of a set of stores: which products are re-bought on a cycle, and when each customer is
/// due to re-buy them. Every prediction starts from the customer's last purchase of the product, so a product bought
/// again is predicted from that newer purchase.
/// </summary>
public sealed class ReplenishmentModel
{
    public const string DUE_FOR_REORDER = "due for reorder";

    private readonly Dictionary<(int StoreId, int ProductId), ProductCycle> _products;
    private readonly Dictionary<(int StoreId, int CustomerId, int ProductId), ReplenishmentPrediction> _predictions;
    private readonly Dictionary<(int StoreId, int CustomerId), ReplenishmentPrediction[]> _byCustomer;
    private readonly Dictionary<int, double> _storeRepeatShare;

    private ReplenishmentModel(
        ReplenishmentOptions options,
        Dictionary<(int, int), ProductCycle> products,
        Dictionary<(int, int, int), ReplenishmentPrediction> predictions,
        Dictionary<int, double> storeRepeatShare)
    {
        Options = options;
        _products = products;
        _predictions = predictions;
        _storeRepeatShare = storeRepeatShare;
        _byCustomer = predictions.Values
            .GroupBy(prediction => (prediction.StoreId, prediction.CustomerId))
            .ToDictionary(group => group.Key, group => group.OrderBy(prediction => prediction.ProductId).ToArray());
        Products = products.Values.OrderBy(product => product.StoreId).ThenBy(product => product.ProductId).ToArray();
        Predictions = predictions.Values
            .OrderBy(prediction => prediction.StoreId).ThenBy(prediction => prediction.CustomerId).ThenBy(prediction => prediction.ProductId)
            .ToArray();
    }

    public ReplenishmentOptions Options { get; }

    /// <summary>Every bought product's cycle statistics, ordered by store then product.</summary>
    public IReadOnlyList<ProductCycle> Products { get; }

    /// <summary>Every prediction, ordered by store, customer, product.</summary>
    public IReadOnlyList<ReplenishmentPrediction> Predictions { get; }

    public static ReplenishmentModel Build(IEnumerable<Interaction> interactions, DateTime nowUtc, ReplenishmentOptions options)
    {
        return Build(PurchaseHistory.From(interactions, nowUtc), options);
    }

    public static ReplenishmentModel Build(PurchaseHistory history, ReplenishmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);

        var repeatShare = history.Products
            .GroupBy(product => product.StoreId)
            .ToDictionary(store => store.Key, store => (double)store.Sum(p => p.RepeatBuyers) / Math.Max(1, store.Sum(p => p.Buyers)));

        var products = new Dictionary<(int, int), ProductCycle>();
        foreach (var product in history.Products)
            products[(product.StoreId, product.ProductId)] = Cycle(product, repeatShare[product.StoreId], options);

        var predictions = new Dictionary<(int, int, int), ReplenishmentPrediction>();
        foreach (var pair in history.Pairs)
        {
            var product = products[(pair.StoreId, pair.ProductId)];
            if (!product.Replenishable || pair.Days.Length < options.MinCustomerPurchaseDays)
                continue;

            predictions[(pair.StoreId, pair.CustomerId, pair.ProductId)] = Predict(pair, product, options);
        }

        return new ReplenishmentModel(options, products, predictions, repeatShare);
    }

    /// <summary>The product's cycle statistics; null when nobody in the store bought it.</summary>
    public ProductCycle Cycle(int storeId, int productId)
    {
        return _products.GetValueOrDefault((storeId, productId));
    }

    /// <summary>
    /// Share of buyers who re-buy the product (shrunk towards the store's share); the store's share for an unseen product.
    /// </summary>
    public double RepeatPropensity(int storeId, int productId)
    {
        var cycle = Cycle(storeId, productId);
        return cycle?.RepeatPropensity ?? _storeRepeatShare.GetValueOrDefault(storeId);
    }

    /// <summary>The customer's prediction for the product; null when none (not replenishable or too few own purchases).</summary>
    public ReplenishmentPrediction Prediction(int storeId, int customerId, int productId)
    {
        return _predictions.GetValueOrDefault((storeId, customerId, productId));
    }

    /// <summary>
    /// Predictions due in [start, end], widened by <see cref="ReplenishmentOptions.WindowTolerance"/> × cycle.
    /// </summary>
    public IEnumerable<ReplenishmentPrediction> DueWithin(DateTime startUtc, DateTime endUtc)
    {
        return Predictions.Where(prediction => prediction.IsDueWithin(startUtc, endUtc, Options.WindowTolerance));
    }

    /// <summary>
    /// The customer's products due between now − tolerance × cycle (a little overdue still counts) and now + horizon,
    /// best score first.
    /// </summary>
    public IReadOnlyList<DueItem> DueSoon(int storeId, int customerId, DateTime nowUtc, double horizonDays)
    {
        if (!_byCustomer.TryGetValue((storeId, customerId), out var predictions))
            return Array.Empty<DueItem>();

        return predictions
            .Where(prediction => prediction.DueUtc >= nowUtc.AddDays(-Options.WindowTolerance * prediction.CycleDays) && prediction.DueUtc <= nowUtc.AddDays(horizonDays))
            .Select(prediction => new DueItem(prediction, prediction.ScoreAt(nowUtc), DUE_FOR_REORDER, Detail(prediction, nowUtc)))
            .OrderByDescending(item => item.Score)
            .ThenBy(item => item.ProductId)
            .ToArray();
    }

    private static ProductCycle Cycle(ProductIntervals product, double storeRepeatShare, ReplenishmentOptions options)
    {
        var intervals = product.SortedIntervals;
        var propensity = (product.RepeatBuyers + options.PropensityPriorBuyers * storeRepeatShare) / (product.Buyers + options.PropensityPriorBuyers);
        if (intervals.Length == 0)
            return new ProductCycle(product.StoreId, product.ProductId, product.Buyers, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, propensity, false);

        var median = Statistics.QuantileOfSorted(intervals, 0.5);
        return new ProductCycle(
            product.StoreId,
            product.ProductId,
            product.Buyers,
            product.RepeatBuyers,
            intervals.Length,
            median,
            Statistics.QuantileOfSorted(intervals, 0.25),
            Statistics.QuantileOfSorted(intervals, 0.75),
            Statistics.MedianAbsoluteDeviation(intervals),
            propensity,
            product.RepeatBuyers >= options.MinRepeatCustomers);
    }

    /// <summary>
    /// Blends the customer's own median interval with the product's: weight n / (n + k) on the own median.
    /// </summary>
    public static double BlendCycle(double? ownMedianDays, int ownIntervals, double productMedianDays, double shrinkageK)
    {
        var weight = OwnWeight(ownIntervals, shrinkageK);
        return weight * (ownMedianDays ?? 0) + (1 - weight) * productMedianDays;
    }

    public static double OwnWeight(int ownIntervals, double shrinkageK)
    {
        return ownIntervals == 0 ? 0 : ownIntervals / (ownIntervals + shrinkageK);
    }

    private static ReplenishmentPrediction Predict(PairHistory pair, ProductCycle product, ReplenishmentOptions options)
    {
        var own = pair.OwnMedianDays;
        var n = pair.Intervals.Length;
        var cycle = BlendCycle(own, n, product.MedianDays, options.ShrinkageK);
        var relativeSpread = product.MedianDays > 0 ? product.IqrDays / product.MedianDays : 1;
        var width = Math.Max(1, relativeSpread / 1.349 * cycle);
        var confidence = product.Regularity * (n + 1) / (n + 2);
        return new ReplenishmentPrediction(
            pair.StoreId,
            pair.CustomerId,
            pair.ProductId,
            pair.LastPurchaseUtc,
            pair.LastPurchaseUtc.AddDays(cycle),
            cycle,
            own,
            n,
            OwnWeight(n, options.ShrinkageK),
            product.MedianDays,
            confidence,
            width);
    }

    private static string Detail(ReplenishmentPrediction prediction, DateTime nowUtc)
    {
        return string.Format(
            CultureInfo.InvariantCulture,
            "bought every ~{0:0} days; last bought {1:0} days ago",
            prediction.CycleDays,
            (nowUtc - prediction.LastPurchaseUtc).TotalDays);
    }
}

using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Measurement;

/// <summary>
/// Last-click attribution of purchases to placements, and the per-group sums a holdout lift is computed from.
/// </summary>
/// <remarks>
/// An order line (customer, order, product) belongs to the placement of the customer's latest click on that product
/// at or before the purchase and no longer than the window before it. The window stands in for a session: 24 hours
/// covers "clicked in the evening, bought next morning" without crediting a widget for a purchase days later.
/// A line captured twice counts once. Events without a customer (no tracking consent) cannot be linked to a click or
/// a group and are left out of attribution and lift; impressions and clicks still count for their placement.
/// </remarks>
public static class Attribution
{
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromHours(24);

    public static AttributionReport Measure(IEnumerable<MeasurementEvent> events, Func<int, bool> isHeldOut)
    {
        return Measure(events, isHeldOut, DefaultWindow);
    }

    public static AttributionReport Measure(IEnumerable<MeasurementEvent> events, Func<int, bool> isHeldOut, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(isHeldOut);
        if (window < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window cannot be negative.");

        var placements = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var clicks = new Dictionary<(int CustomerId, int ProductId), List<MeasurementEvent>>();
        var lines = new Dictionary<(int CustomerId, int OrderId, int ProductId), MeasurementEvent>();
        var seenCustomers = new HashSet<int>();

        foreach (var e in events)
        {
            switch (e.Type)
            {
                case InteractionType.RecommendationImpression when !string.IsNullOrEmpty(e.Placement):
                    var shown = TallyOf(placements, e.Placement);
                    shown.Impressions++;
                    shown.ProductsShown += Math.Max(0, e.Quantity);
                    break;

                case InteractionType.RecommendationClick when !string.IsNullOrEmpty(e.Placement):
                    TallyOf(placements, e.Placement).Clicks++;
                    if (e.CustomerId != 0 && e.ProductId > 0)
                        ListOf(clicks, (e.CustomerId, e.ProductId)).Add(e);
                    break;

                case InteractionType.Purchase when e.CustomerId != 0:
                    seenCustomers.Add(e.CustomerId);
                    var line = (e.CustomerId, e.OrderId, e.ProductId);
                    if (!lines.TryGetValue(line, out var known) || e.TimeUtc < known.TimeUtc)
                        lines[line] = e;
                    break;

                case not (InteractionType.RecommendationImpression or InteractionType.RecommendationClick) when e.CustomerId != 0:
                    //only held-out customers never produce recommendation events, so they would skew who counts as "seen"
                    seenCustomers.Add(e.CustomerId);
                    break;
            }
        }

        foreach (var list in clicks.Values)
            list.Sort((a, b) => a.TimeUtc.CompareTo(b.TimeUtc));

        foreach (var line in lines.Values)
        {
            if (!clicks.TryGetValue((line.CustomerId, line.ProductId), out var candidates))
                continue;

            var click = LatestClickWithin(candidates, line.TimeUtc, window);
            if (click == null)
                continue;

            var tally = placements[click.Value.Placement];
            tally.Lines++;
            tally.Orders.Add(line.OrderId);
            tally.Revenue += Revenue(line);
        }

        var report = placements
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new PlacementPerformance(pair.Key, pair.Value.Impressions, pair.Value.ProductsShown, pair.Value.Clicks,
                pair.Value.Lines, pair.Value.Orders.Count, pair.Value.Revenue))
            .ToList();

        return new AttributionReport(report, Group(seenCustomers, lines.Values, customerId => !isHeldOut(customerId)),
            Group(seenCustomers, lines.Values, isHeldOut));
    }

    private static MeasurementEvent? LatestClickWithin(List<MeasurementEvent> clicksByTime, DateTime purchaseUtc, TimeSpan window)
    {
        for (var i = clicksByTime.Count - 1; i >= 0; i--)
        {
            var click = clicksByTime[i];
            if (click.TimeUtc > purchaseUtc)
                continue;

            return purchaseUtc - click.TimeUtc <= window ? click : null;
        }

        return null;
    }

    private static LiftGroup Group(HashSet<int> seenCustomers, IEnumerable<MeasurementEvent> lines, Func<int, bool> inGroup)
    {
        var customers = seenCustomers.Count(inGroup);
        var groupLines = lines.Where(line => inGroup(line.CustomerId)).ToList();

        return new LiftGroup(customers, groupLines.Select(line => line.CustomerId).Distinct().Count(), groupLines.Sum(Revenue));
    }

    private static decimal Revenue(MeasurementEvent line) => line.Value * line.Quantity;

    private static Tally TallyOf(Dictionary<string, Tally> placements, string placement)
    {
        if (!placements.TryGetValue(placement, out var tally))
            placements[placement] = tally = new Tally();
        return tally;
    }

    private static List<MeasurementEvent> ListOf(Dictionary<(int, int), List<MeasurementEvent>> clicks, (int, int) key)
    {
        if (!clicks.TryGetValue(key, out var list))
            clicks[key] = list = [];
        return list;
    }

    private sealed class Tally
    {
        public int Impressions;
        public long ProductsShown;
        public int Clicks;
        public int Lines;
        public readonly HashSet<int> Orders = [];
        public decimal Revenue;
    }
}

using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// Orders placed within the window (24 hours, as for placements) after a customer's click in a plugin e-mail count for
/// that e-mail's kind; with clicks in several e-mails, the latest click before the order wins. Unlike a placement click,
/// an e-mail click (restoring a cart, opening the shop) credits every line of the order, not only the clicked product.
/// </summary>
public static class EmailAttribution
{
    public static IReadOnlyDictionary<EmailKind, EmailKindPerformance> Measure(IEnumerable<MeasurementEvent> events) =>
        Measure(events, Attribution.DefaultWindow);

    public static IReadOnlyDictionary<EmailKind, EmailKindPerformance> Measure(IEnumerable<MeasurementEvent> events, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(events);

        var clicks = new Dictionary<int, List<(DateTime TimeUtc, EmailKind Kind)>>();
        var lines = new Dictionary<(int CustomerId, int OrderId, int ProductId), MeasurementEvent>();
        var result = new Dictionary<EmailKind, Tally>();

        foreach (var e in events)
        {
            if (e.CustomerId == 0)
                continue;

            if (e.Type == InteractionType.EmailClick && EmailClickPlacement.Parse(e.Placement) is { } kind)
            {
                if (!clicks.TryGetValue(e.CustomerId, out var list))
                    clicks[e.CustomerId] = list = [];
                list.Add((e.TimeUtc, kind));
                TallyOf(result, kind).Clicks++;
            }
            else if (e.Type == InteractionType.Purchase)
            {
                var line = (e.CustomerId, e.OrderId, e.ProductId);
                if (!lines.TryGetValue(line, out var known) || e.TimeUtc < known.TimeUtc)
                    lines[line] = e;
            }
        }

        foreach (var line in lines.Values)
        {
            if (!clicks.TryGetValue(line.CustomerId, out var list))
                continue;

            var latest = list.Where(click => click.TimeUtc <= line.TimeUtc).OrderByDescending(click => click.TimeUtc).FirstOrDefault();
            if (latest == default || line.TimeUtc - latest.TimeUtc > window)
                continue;

            var tally = TallyOf(result, latest.Kind);
            tally.Orders.Add(line.OrderId);
            tally.Revenue += line.Value * line.Quantity;
        }

        return result.ToDictionary(pair => pair.Key, pair => new EmailKindPerformance(pair.Value.Clicks, pair.Value.Orders.Count, pair.Value.Revenue));
    }

    private static Tally TallyOf(Dictionary<EmailKind, Tally> tallies, EmailKind kind)
    {
        if (!tallies.TryGetValue(kind, out var tally))
            tallies[kind] = tally = new Tally();
        return tally;
    }

    private sealed class Tally
    {
        public int Clicks;
        public readonly HashSet<int> Orders = [];
        public decimal Revenue;
    }
}

using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// Sends, opens, clicks and attributed orders per e-mail kind.
/// </summary>
/// <remarks>
/// An order belongs to the kind of the customer's latest e-mail click at or before it and no longer than the window
/// before it (the widgets' 24 hours), whatever product the click led to: a cart link leads to no product, and a reminder
/// that brings the customer back to buy something else still worked. Opens and clicks count e-mails, not requests, so a
/// mail client that loads the pixel twice or a customer who clicks twice does not inflate the rates. Events without a
/// customer (no tracking consent) count as opens and clicks but cannot be linked to an order.
/// </remarks>
public static class EmailAttribution
{
    public static IReadOnlyList<EmailKindPerformance> Measure(IEnumerable<MeasurementEvent> events) =>
        Measure(events, Attribution.DefaultWindow);

    public static IReadOnlyList<EmailKindPerformance> Measure(IEnumerable<MeasurementEvent> events, TimeSpan window) =>
        Measure(events, null, window);

    /// <param name="sent">Sends per kind from the send log; when given, send events among <paramref name="events"/> are ignored.</param>
    public static IReadOnlyList<EmailKindPerformance> Measure(IEnumerable<MeasurementEvent> events, IReadOnlyDictionary<EmailKind, int> sent, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (window < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window cannot be negative.");

        var tallies = new Dictionary<EmailKind, Tally>();
        foreach (var (kind, count) in sent ?? new Dictionary<EmailKind, int>())
            TallyOf(tallies, kind).Sent += count;
        var clicksByCustomer = new Dictionary<int, List<(DateTime TimeUtc, EmailKind Kind)>>();
        var lines = new Dictionary<(int CustomerId, int OrderId, int ProductId), MeasurementEvent>();

        foreach (var e in events)
        {
            if (e.Type == InteractionType.Purchase)
            {
                if (e.CustomerId == 0)
                    continue;
                var line = (e.CustomerId, e.OrderId, e.ProductId);
                if (!lines.TryGetValue(line, out var known) || e.TimeUtc < known.TimeUtc)
                    lines[line] = e;
                continue;
            }

            if (e.Type is not (InteractionType.EmailSent or InteractionType.EmailOpen or InteractionType.EmailClick)
                || EmailPlacement.Parse(e.Placement) is not { } email)
                continue;

            var tally = TallyOf(tallies, email.Kind);
            switch (e.Type)
            {
                case InteractionType.EmailSent when sent == null:
                    tally.Sent++;
                    break;
                case InteractionType.EmailOpen when email.EmailId > 0:
                    tally.Opened.Add(email.EmailId);
                    break;
                case InteractionType.EmailClick when email.EmailId > 0:
                    tally.Clicks++;
                    tally.Clicked.Add(email.EmailId);
                    //a click is an open too, whether or not the client loaded images
                    tally.Opened.Add(email.EmailId);
                    if (e.CustomerId != 0)
                    {
                        if (!clicksByCustomer.TryGetValue(e.CustomerId, out var clicks))
                            clicksByCustomer[e.CustomerId] = clicks = [];
                        clicks.Add((e.TimeUtc, email.Kind));
                    }
                    break;
            }
        }

        foreach (var clicks in clicksByCustomer.Values)
            clicks.Sort((a, b) => a.TimeUtc.CompareTo(b.TimeUtc));

        foreach (var line in lines.Values)
        {
            if (!clicksByCustomer.TryGetValue(line.CustomerId, out var clicks) || LatestWithin(clicks, line.TimeUtc, window) is not { } kind)
                continue;

            var tally = tallies[kind];
            tally.Orders.Add(line.OrderId);
            tally.Revenue += line.Value * line.Quantity;
        }

        return tallies
            .OrderBy(pair => pair.Key)
            .Select(pair => new EmailKindPerformance(pair.Key, pair.Value.Sent, pair.Value.Opened.Count, pair.Value.Clicked.Count,
                pair.Value.Clicks, pair.Value.Orders.Count, pair.Value.Revenue))
            .ToList();
    }

    private static EmailKind? LatestWithin(List<(DateTime TimeUtc, EmailKind Kind)> clicksByTime, DateTime purchaseUtc, TimeSpan window)
    {
        for (var i = clicksByTime.Count - 1; i >= 0; i--)
        {
            var (timeUtc, kind) = clicksByTime[i];
            if (timeUtc > purchaseUtc)
                continue;

            return purchaseUtc - timeUtc <= window ? kind : null;
        }

        return null;
    }

    private static Tally TallyOf(Dictionary<EmailKind, Tally> tallies, EmailKind kind)
    {
        if (!tallies.TryGetValue(kind, out var tally))
            tallies[kind] = tally = new Tally();
        return tally;
    }

    private sealed class Tally
    {
        public int Sent;
        public readonly HashSet<int> Opened = [];
        public readonly HashSet<int> Clicked = [];
        public int Clicks;
        public readonly HashSet<int> Orders = [];
        public decimal Revenue;
    }
}

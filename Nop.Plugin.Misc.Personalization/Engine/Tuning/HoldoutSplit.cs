using System.Runtime.InteropServices;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Tuning;

/// <summary>
/// The last days of a shop's history held out: everything before the cut trains, and each customer known before the
/// cut who bought in the window is judged on what they bought (all of it, and the products new to them).
/// </summary>
internal sealed class HoldoutSplit
{
    private readonly Dictionary<int, (int Start, int Length)> _histories;

    private HoldoutSplit(List<Interaction> train, Dictionary<int, (int Start, int Length)> histories,
        List<(int CustomerId, HashSet<int> All, HashSet<int> New)> customers)
    {
        Train = train;
        _histories = histories;
        Customers = customers;
    }

    /// <summary>The events before the cut, grouped by customer in time order (one copy serves training and histories).</summary>
    public List<Interaction> Train { get; }

    /// <summary>Validation customers by id, with the products they bought in the window and those new to them.</summary>
    public List<(int CustomerId, HashSet<int> All, HashSet<int> New)> Customers { get; }

    public ReadOnlySpan<Interaction> HistoryOf(int customerId) =>
        _histories.TryGetValue(customerId, out var h) ? CollectionsMarshal.AsSpan(Train).Slice(h.Start, h.Length) : ReadOnlySpan<Interaction>.Empty;

    public static HoldoutSplit Create(IReadOnlyList<Interaction> interactions, DateTime cutUtc, DateTime endUtc, int maxCustomers)
    {
        var before = 0;
        foreach (var e in interactions)
            before += e.CustomerId != 0 && e.TimeUtc < cutUtc ? 1 : 0;
        var train = new List<Interaction>(before);
        var bought = new Dictionary<int, HashSet<int>>();
        foreach (var e in interactions)
        {
            if (e.CustomerId == 0)
                continue;
            if (e.TimeUtc < cutUtc)
                train.Add(e);
            else if (e.TimeUtc < endUtc && e.Type == InteractionType.Purchase && e.ProductId != 0)
            {
                if (!bought.TryGetValue(e.CustomerId, out var set))
                    bought[e.CustomerId] = set = new HashSet<int>();
                set.Add(e.ProductId);
            }
        }

        //histories: the train events grouped by customer, in time order (a total order, so any input order gives the same)
        train.Sort(InteractionOrder.ByCustomer);
        var ordered = CollectionsMarshal.AsSpan(train);
        var histories = new Dictionary<int, (int, int)>();
        var boughtBefore = new Dictionary<int, HashSet<int>>();
        for (var start = 0; start < ordered.Length;)
        {
            var end = start;
            var customer = ordered[start].CustomerId;
            var purchased = new HashSet<int>();
            while (end < ordered.Length && ordered[end].CustomerId == customer)
            {
                if (ordered[end].Type == InteractionType.Purchase)
                    purchased.Add(ordered[end].ProductId);
                end++;
            }
            histories[customer] = (start, end - start);
            boughtBefore[customer] = purchased;
            start = end;
        }

        //judged customers: known before the cut; a deterministic spread sample when there are too many
        var customers = bought.Keys.Where(histories.ContainsKey).Order().ToList();
        if (customers.Count > maxCustomers)
            customers = customers.OrderBy(id => (uint)(id * 2654435761u)).ThenBy(id => id).Take(maxCustomers).Order().ToList();

        var judged = customers
            .Select(id => (id, bought[id], bought[id].Where(p => !boughtBefore[id].Contains(p)).ToHashSet()))
            .ToList();
        return new HoldoutSplit(train, histories, judged);
    }
}

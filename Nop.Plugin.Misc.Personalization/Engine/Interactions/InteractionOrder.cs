namespace Nop.Plugin.Misc.Personalization.Engine.Interactions;

/// <summary>
/// One total order of interactions: store, customer, time, then every other field. Sorting by it makes a customer's
/// interactions one contiguous run and sums over them independent of the order they were read in.
/// </summary>
public static class InteractionOrder
{
    public static readonly Comparison<Interaction> Canonical = Compare;

    /// <summary>
    /// Customer, time, then every other field, store last: a customer's interactions in all stores form one run.
    /// </summary>
    public static readonly Comparison<Interaction> ByCustomer = CompareByCustomer;

    /// <summary>The interactions at or before <paramref name="nowUtc"/>, in a new array sorted canonically.</summary>
    public static Interaction[] SortedUpTo(IEnumerable<Interaction> interactions, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(interactions);

        var sorted = interactions.Where(interaction => interaction.TimeUtc <= nowUtc).ToArray();
        Array.Sort(sorted, Canonical);
        return sorted;
    }

    private static int Compare(Interaction x, Interaction y)
    {
        var c = x.StoreId.CompareTo(y.StoreId);
        if (c == 0)
            c = x.CustomerId.CompareTo(y.CustomerId);
        return c == 0 ? CompareWithinCustomer(x, y) : c;
    }

    private static int CompareByCustomer(Interaction x, Interaction y)
    {
        var c = x.CustomerId.CompareTo(y.CustomerId);
        if (c == 0)
            c = CompareWithinCustomer(x, y);
        return c == 0 ? x.StoreId.CompareTo(y.StoreId) : c;
    }

    private static int CompareWithinCustomer(Interaction x, Interaction y)
    {
        var c = x.TimeUtc.CompareTo(y.TimeUtc);
        if (c == 0)
            c = x.ProductId.CompareTo(y.ProductId);
        if (c == 0)
            c = x.Type.CompareTo(y.Type);
        if (c == 0)
            c = x.OrderId.CompareTo(y.OrderId);
        if (c == 0)
            c = x.Quantity.CompareTo(y.Quantity);
        if (c == 0)
            c = x.Price.CompareTo(y.Price);
        return c;
    }
}

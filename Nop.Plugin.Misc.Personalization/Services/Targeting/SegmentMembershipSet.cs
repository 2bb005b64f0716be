namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// The segments of every profiled customer per store, as read at one moment. Immutable, so requests read it without
/// locks while the next one is built. Customers in no segment are not held; customers with the same segments share
/// one array.
/// </summary>
public sealed class SegmentMembershipSet
{
    private readonly Dictionary<long, int[]> _segmentsByCustomer;

    internal SegmentMembershipSet(Dictionary<long, int[]> segmentsByCustomer, int distinctCombinations)
    {
        _segmentsByCustomer = segmentsByCustomer;
        DistinctCombinations = distinctCombinations;
    }

    public static SegmentMembershipSet Empty { get; } = new(new Dictionary<long, int[]>(), 0);

    /// <summary>Customer and store pairs in at least one segment.</summary>
    public int Customers => _segmentsByCustomer.Count;

    /// <summary>Distinct segment lists held (each stored once).</summary>
    public int DistinctCombinations { get; }

    /// <summary>One hash lookup and a scan of the customer's few segment ids.</summary>
    public bool IsMember(int storeId, int customerId, int segmentId) =>
        _segmentsByCustomer.TryGetValue(Key(storeId, customerId), out var segments) && Array.IndexOf(segments, segmentId) >= 0;

    public IReadOnlyList<int> SegmentsOf(int storeId, int customerId) =>
        _segmentsByCustomer.TryGetValue(Key(storeId, customerId), out var segments) ? Array.AsReadOnly(segments) : [];

    /// <summary>
    /// A copy without the given customers in any store; this set itself when none of them is held.
    /// </summary>
    public SegmentMembershipSet Without(IReadOnlyCollection<int> customerIds)
    {
        var ids = customerIds as IReadOnlySet<int> ?? customerIds.ToHashSet();
        if (!_segmentsByCustomer.Keys.Any(key => ids.Contains((int)key)))
            return this;

        var kept = _segmentsByCustomer.Where(pair => !ids.Contains((int)pair.Key)).ToDictionary();
        return new SegmentMembershipSet(kept, kept.Values.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    internal static long Key(int storeId, int customerId) => ((long)storeId << 32) | (uint)customerId;
}

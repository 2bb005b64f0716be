using Nop.Plugin.Misc.Personalization.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// Collects profile rows into a <see cref="SegmentMembershipSet"/>: parses each stored id list ("3,7,12") once per
/// distinct text and keeps only int arrays, so the entities and their strings can be collected as soon as a page is read.
/// </summary>
public sealed class SegmentMembershipBuilder
{
    /// <summary>
    /// Distinct id lists remembered for sharing; a shop has a few dozen. Past this, lists are parsed without sharing,
    /// so an unusual shop costs memory per customer but never an unbounded cache of texts.
    /// </summary>
    public const int MAX_SHARED_LISTS = 10_000;

    private readonly Dictionary<long, int[]> _segmentsByCustomer = new();
    private readonly Dictionary<string, int[]> _shared = new(StringComparer.Ordinal);
    private int _unshared;

    public int Customers => _segmentsByCustomer.Count;

    /// <summary>
    /// Adds a customer's segments in a store; rows without a valid segment id are skipped.
    /// </summary>
    /// <returns>Whether the customer is held.</returns>
    public bool Add(int storeId, int customerId, string segmentIds)
    {
        if (customerId <= 0 || storeId < 0 || string.IsNullOrWhiteSpace(segmentIds))
            return false;

        if (!_shared.TryGetValue(segmentIds, out var ids))
        {
            ids = ProfileSegmentIds.Parse(segmentIds);
            if (_shared.Count < MAX_SHARED_LISTS)
                _shared.Add(segmentIds, ids);
            else
                _unshared++;
        }

        if (ids.Length == 0)
            return false;

        _segmentsByCustomer[SegmentMembershipSet.Key(storeId, customerId)] = ids;
        return true;
    }

    /// <summary>
    /// The set, sized to its content. The builder must not be used afterwards.
    /// </summary>
    public SegmentMembershipSet Build()
    {
        _segmentsByCustomer.TrimExcess();
        var distinct = _shared.Values.Count(ids => ids.Length > 0) + _unshared;
        _shared.Clear();

        return new SegmentMembershipSet(_segmentsByCustomer, distinct);
    }
}

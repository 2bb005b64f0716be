namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// Which segments a customer is in, per store, held in memory on every node so serving never asks the database.
/// Loaded in the background from the profiles training stores (<see cref="SegmentMembershipRefresher"/>).
/// </summary>
public interface ISegmentMembership
{
    /// <summary>False until this node has read the memberships once; then nobody is known to be in a segment.</summary>
    bool IsLoaded { get; }

    /// <summary>Customer and store pairs held (those in at least one segment).</summary>
    int Customers { get; }

    bool IsMember(int storeId, int customerId, int segmentId);

    IReadOnlyList<int> SegmentsOf(int storeId, int customerId);

    /// <summary>Swaps in a newly read set atomically.</summary>
    void Replace(SegmentMembershipSet memberships);

    /// <summary>
    /// The customers' data was erased: drops them from the held set at once, and from the next set swapped in
    /// (its read may have started before their profiles were deleted).
    /// </summary>
    void Forget(IReadOnlyCollection<int> customerIds);
}

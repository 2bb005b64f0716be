namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

public sealed class SegmentMembership : ISegmentMembership
{
    //null until the first load, so "not loaded" and "loaded, nobody in a segment" stay apart
    private volatile SegmentMembershipSet _current;

    public bool IsLoaded => _current != null;

    public int Customers => _current?.Customers ?? 0;

    public bool IsMember(int storeId, int customerId, int segmentId) =>
        _current is { } current && current.IsMember(storeId, customerId, segmentId);

    public IReadOnlyList<int> SegmentsOf(int storeId, int customerId) =>
        _current is { } current ? current.SegmentsOf(storeId, customerId) : [];

    public void Replace(SegmentMembershipSet memberships)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        _current = memberships;
    }
}

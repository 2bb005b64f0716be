namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

public sealed class SegmentMembership : ISegmentMembership
{
    //null until the first load, so "not loaded" and "loaded, nobody in a segment" stay apart
    private volatile SegmentMembershipSet _current;
    //forgotten since the last swap: the refresher reads one set at a time, so the next swap is filtered by them
    private readonly HashSet<int> _forgotten = [];
    private readonly object _forgetting = new();

    public bool IsLoaded => _current != null;

    public int Customers => _current?.Customers ?? 0;

    public bool IsMember(int storeId, int customerId, int segmentId) =>
        _current is { } current && current.IsMember(storeId, customerId, segmentId);

    public IReadOnlyList<int> SegmentsOf(int storeId, int customerId) =>
        _current is { } current ? current.SegmentsOf(storeId, customerId) : [];

    public void Replace(SegmentMembershipSet memberships)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        lock (_forgetting)
        {
            _current = _forgotten.Count == 0 ? memberships : memberships.Without(_forgotten);
            _forgotten.Clear();
        }
    }

    public void Forget(IReadOnlyCollection<int> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        if (customerIds.Count == 0)
            return;

        lock (_forgetting)
        {
            _forgotten.UnionWith(customerIds);
            if (_current is { } current)
                _current = current.Without(customerIds);
        }
    }
}

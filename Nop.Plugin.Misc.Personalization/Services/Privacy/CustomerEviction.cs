using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Targeting;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Makes this node forget erased customers in memory: live activity, loaded histories, segment memberships, back-in-stock
/// offers, and
/// events of theirs still queued for the database.
/// </summary>
public sealed class CustomerEviction
{
    private readonly IBackInStockOffers _backInStockOffers;
    private readonly ICustomerHistory _customerHistory;
    private readonly ErasedCustomers _erasedCustomers;
    private readonly ILiveActivity _liveActivity;
    private readonly ISegmentMembership _segmentMembership;

    public CustomerEviction(ICustomerHistory customerHistory, ErasedCustomers erasedCustomers, ILiveActivity liveActivity,
        ISegmentMembership segmentMembership, IBackInStockOffers backInStockOffers = null)
    {
        _backInStockOffers = backInStockOffers;
        _customerHistory = customerHistory;
        _erasedCustomers = erasedCustomers;
        _liveActivity = liveActivity;
        _segmentMembership = segmentMembership;
    }

    public void Evict(IReadOnlyCollection<(int CustomerId, DateTime ErasedOnUtc)> erasures)
    {
        ArgumentNullException.ThrowIfNull(erasures);
        if (erasures.Count == 0)
            return;

        foreach (var (customerId, erasedOnUtc) in erasures)
        {
            _erasedCustomers.Add(customerId, erasedOnUtc);
            _liveActivity.Forget(customerId);
            _customerHistory.Forget(customerId);
            _backInStockOffers?.Forget(customerId);
        }

        _segmentMembership.Forget(erasures.Select(erasure => erasure.CustomerId).ToHashSet());
    }
}

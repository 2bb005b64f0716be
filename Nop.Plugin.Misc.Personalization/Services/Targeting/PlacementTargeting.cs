using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// Whether the current customer sees a placement: one without a segment shows to everyone; one for a segment only to
/// a registered customer whom this node's loaded memberships list in that segment in the store. One per request.
/// </summary>
public class PlacementTargeting
{
    private readonly ICustomerService _customerService;
    private readonly ISegmentMembership _membership;
    private (int CustomerId, bool Registered)? _registered;

    public PlacementTargeting(ICustomerService customerService, ISegmentMembership membership)
    {
        _customerService = customerService;
        _membership = membership;
    }

    public async Task<bool> ShowsToAsync(PlacementDefinition placement, int storeId, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (placement.SegmentId <= 0)
            return true;

        //until this node has read the memberships nobody is known to be in a segment, so a targeted placement hides
        //rather than showing to everyone; unknown customers and other stores' members are simply not in the set
        if (customer == null || customer.Id <= 0 || !_membership.IsMember(storeId, customer.Id, placement.SegmentId))
            return false;

        //guests are in no segment, even when their visits built a profile: a guest record is one browser's cookie, and
        //the admin targets customers. Asked only for members, from nopCommerce's cached roles, once per request.
        if (_registered is not { } known || known.CustomerId != customer.Id)
        {
            known = (customer.Id, await _customerService.IsRegisteredAsync(customer));
            _registered = known;
        }

        return known.Registered;
    }
}

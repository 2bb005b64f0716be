using Moq;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Targeting;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport;

/// <summary>
/// A <see cref="CustomerForgetting"/> over the given erasure log (or one that keeps nothing) and this node's own
/// in-memory parts, for tests whose subject forgets customers along the way.
/// </summary>
public static class Forgetting
{
    public static CustomerForgetting Over(IRepository<PersonalizationErasure> erasures = null, TimeProvider time = null) =>
        new(erasures ?? Mock.Of<IRepository<PersonalizationErasure>>(),
            new CustomerEviction(Mock.Of<ICustomerHistory>(), new ErasedCustomers(), Mock.Of<ILiveActivity>(), Mock.Of<ISegmentMembership>()),
            time ?? TimeProvider.System);
}

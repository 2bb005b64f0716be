using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Nop.Core.Caching;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Security;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Services.Customers;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.RoleSync;

/// <summary>
/// A role sync for tests whose segments sync no role: it reads the segments and stops, so nopCommerce's customer
/// tables and services are never reached (they are strict mocks that fail the test if they are).
/// </summary>
public static class RoleSyncParts
{
    public static SegmentRoleSync WithoutShopTables(IRepository<PersonalizationSegment> segments, IRepository<PersonalizationProfile> profiles)
    {
        var customerService = new Mock<ICustomerService>(MockBehavior.Strict).Object;
        var roleMembers = new RoleMembers(new Mock<IRepository<Customer>>(MockBehavior.Strict).Object, new Mock<IRepository<CustomerCustomerRoleMapping>>(MockBehavior.Strict).Object,
            new Mock<IStaticCacheManager>(MockBehavior.Strict).Object);
        return new SegmentRoleSync(
            new RoleSyncActivityLog(new Mock<IRepository<Nop.Core.Domain.Logging.ActivityLogType>>(MockBehavior.Strict).Object,
                new Mock<Nop.Services.Logging.ICustomerActivityService>(MockBehavior.Strict).Object, customerService),
            customerService, new RoleMappingLedger(new Mock<IRepository<PersonalizationRoleMapping>>(MockBehavior.Strict).Object, roleMembers), new RecordingShopLog(),
            new RoleLinkPermission(customerService, new Mock<Nop.Services.Security.IPermissionService>(MockBehavior.Strict).Object),
            new SegmentMemberReader(profiles), roleMembers,
            segments, new SyncableRoles(customerService, new Mock<IRepository<PermissionRecordCustomerRoleMapping>>(MockBehavior.Strict).Object), TimeProvider.System);
    }
}

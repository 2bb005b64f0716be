using Moq;
using Nop.Core.Domain.Logging;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Services.Customers;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Tests.RoleSync;

/// <summary>
/// nopCommerce's ActivityLogType table over a list, for install and uninstall tests.
/// </summary>
public sealed class RoleSyncActivityTypes
{
    public InMemoryRepository<ActivityLogType> Table { get; } = new();

    public RoleSyncActivityTypes()
    {
        Table.Mock.Setup(r => r.DeleteAsync(It.IsAny<ActivityLogType>(), It.IsAny<bool>()))
            .Callback((ActivityLogType type, bool _) => Table.Rows.Remove(type))
            .Returns(Task.CompletedTask);
    }

    public RoleSyncActivityLog Installer() => new(Table.Object, Mock.Of<ICustomerActivityService>(), Mock.Of<ICustomerService>());
}

using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Security;
using Nop.Data;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// Which customer roles a segment may keep in sync. A synced role's members are rewritten daily, so a role that
/// nopCommerce itself relies on (system roles) or that grants any permission must never be one: a mistaken rule would
/// hand out the admin area or take it away.
/// </summary>
public class SyncableRoles
{
    private readonly ICustomerService _customerService;
    private readonly IRepository<PermissionRecordCustomerRoleMapping> _permissionMappingRepository;

    public SyncableRoles(ICustomerService customerService, IRepository<PermissionRecordCustomerRoleMapping> permissionMappingRepository)
    {
        _customerService = customerService;
        _permissionMappingRepository = permissionMappingRepository;
    }

    /// <summary>
    /// Every customer role, active or not, by name, each with whether it may be synced.
    /// </summary>
    public virtual async Task<IReadOnlyList<RoleChoice>> GetRolesAsync()
    {
        var roles = await _customerService.GetAllCustomerRolesAsync(showHidden: true);
        //the mapping table holds permissions x roles: a few hundred rows, read whole rather than trusting a cache
        var withPermissions = (await _permissionMappingRepository.GetAllAsync(query => query))
            .Select(mapping => mapping.CustomerRoleId)
            .ToHashSet();

        return roles
            .OrderBy(role => role.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(role => role.Id)
            .Select(role => new RoleChoice(role, SafetyOf(role, withPermissions)))
            .ToList();
    }

    public static RoleSafety SafetyOf(CustomerRole role, IReadOnlySet<int> rolesWithPermissions)
    {
        ArgumentNullException.ThrowIfNull(rolesWithPermissions);

        if (role == null)
            return RoleSafety.Unknown;
        if (role.IsSystemRole)
            return RoleSafety.SystemRole;

        if (rolesWithPermissions.Contains(role.Id))
            return RoleSafety.GrantsPermissions;

        return role.PurchasedWithProductId > 0 ? RoleSafety.AssignedByPurchase : RoleSafety.Safe;
    }

    /// <summary>
    /// The safety of one role among <paramref name="roles"/>; an id none has is unknown.
    /// </summary>
    public static RoleSafety SafetyOf(int roleId, IEnumerable<RoleChoice> roles) =>
        roles.FirstOrDefault(choice => choice.Role.Id == roleId)?.Safety ?? RoleSafety.Unknown;
}

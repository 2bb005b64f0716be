using Nop.Core.Domain.Customers;
using Nop.Services.Customers;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// Linking a segment to a customer role rewrites who holds that role, which is customer management: it needs
/// "Manage customers" (create, edit, delete customers) as well as "Manage plugins". The sync checks the admin who linked
/// the role again on every run, so withdrawing either permission stops it.
/// </summary>
public class RoleLinkPermission
{
    public static IReadOnlyList<string> Required { get; } =
        [StandardPermission.Configuration.MANAGE_PLUGINS, StandardPermission.Customers.CUSTOMERS_CREATE_EDIT_DELETE];

    /// <summary>Creating a role for a segment also needs the right to create customer roles.</summary>
    public static string CreateRole => StandardPermission.Customers.CUSTOMER_ROLES_CREATE_EDIT_DELETE;

    private readonly ICustomerService _customerService;
    private readonly IPermissionService _permissionService;

    public RoleLinkPermission(ICustomerService customerService, IPermissionService permissionService)
    {
        _customerService = customerService;
        _permissionService = permissionService;
    }

    /// <summary>Whether the current admin may link a role (and, with <paramref name="createRole"/>, create one).</summary>
    public virtual async Task<bool> MayLinkAsync(bool createRole)
    {
        foreach (var permission in createRole ? Required.Append(CreateRole) : Required)
        {
            if (!await _permissionService.AuthorizeAsync(permission))
                return false;
        }

        return true;
    }

    /// <summary>Whether the admin who linked a role still holds the permissions; false when they are gone or inactive.</summary>
    public virtual async Task<bool> MaySyncAsync(int linkedByCustomerId)
    {
        var customer = linkedByCustomerId > 0 ? await _customerService.GetCustomerByIdAsync(linkedByCustomerId) : null;
        if (customer is not { Active: true, Deleted: false })
            return false;

        foreach (var permission in Required)
        {
            if (!await _permissionService.AuthorizeAsync(permission, customer))
                return false;
        }

        return true;
    }
}

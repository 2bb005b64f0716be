using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// Records on a segment which customer role it syncs and how it was linked: a role created for the segment (named
/// after it, active, without permissions) or an existing role that had no member when linked. The form checks the
/// rules and the permissions before; this only writes the outcome.
/// </summary>
public class SegmentRoleLinker
{
    /// <summary>The role choice "create a role for this segment" on the segment form.</summary>
    public const int CREATE_ROLE = -1;

    private const int MAX_ROLE_NAME_LENGTH = 255;

    private readonly ICustomerService _customerService;
    private readonly TimeProvider _timeProvider;
    private readonly IWorkContext _workContext;

    public SegmentRoleLinker(ICustomerService customerService, TimeProvider timeProvider, IWorkContext workContext)
    {
        _customerService = customerService;
        _timeProvider = timeProvider;
        _workContext = workContext;
    }

    /// <summary>
    /// Brings the link fields in line with <see cref="PersonalizationSegment.CustomerRoleId"/> as the form set it; an
    /// unchanged role keeps its link, so re-saving a segment never upgrades a role linked under older rules.
    /// </summary>
    public virtual async Task LinkAsync(PersonalizationSegment segment, int previousRoleId)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.CustomerRoleId == previousRoleId)
            return;

        if (segment.CustomerRoleId == 0)
        {
            segment.RoleLink = (int)RoleLink.None;
            segment.RoleLinkedOnUtc = null;
            segment.RoleLinkedByCustomerId = 0;
            return;
        }

        if (segment.CustomerRoleId == CREATE_ROLE)
        {
            var role = new CustomerRole { Name = await UniqueRoleNameAsync(segment.Name), Active = true };
            await _customerService.InsertCustomerRoleAsync(role);
            segment.CustomerRoleId = role.Id;
            segment.RoleLink = (int)RoleLink.CreatedForSegment;
        }
        else
        {
            segment.RoleLink = (int)RoleLink.EmptyWhenLinked;
        }

        segment.RoleLinkedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        segment.RoleLinkedByCustomerId = (await _workContext.GetCurrentCustomerAsync())?.Id ?? 0;
    }

    private async Task<string> UniqueRoleNameAsync(string segmentName)
    {
        var baseName = string.IsNullOrWhiteSpace(segmentName) ? "Segment" : segmentName.Trim();
        if (baseName.Length > MAX_ROLE_NAME_LENGTH - 6)
            baseName = baseName[..(MAX_ROLE_NAME_LENGTH - 6)];

        var taken = (await _customerService.GetAllCustomerRolesAsync(showHidden: true))
            .Select(role => role.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = baseName;
        for (var suffix = 2; taken.Contains(name); suffix++)
            name = $"{baseName} ({suffix})";

        return name;
    }
}

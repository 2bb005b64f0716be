using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// The customer-role mappings the role sync added itself (Personalization_RoleMapping). Removals are limited to these,
/// so a mapping an admin added by hand is never removed.
/// </summary>
public class RoleMappingLedger
{
    private readonly IRepository<PersonalizationRoleMapping> _ledgerRepository;
    private readonly RoleMembers _roleMembers;

    public RoleMappingLedger(IRepository<PersonalizationRoleMapping> ledgerRepository, RoleMembers roleMembers)
    {
        _ledgerRepository = ledgerRepository;
        _roleMembers = roleMembers;
    }

    public virtual async Task<IReadOnlyList<int>> RecordedAsync(int segmentId, int roleId)
    {
        var rows = await _ledgerRepository.GetAllAsync(query => query
            .Where(row => row.SegmentId == segmentId && row.CustomerRoleId == roleId)
            .Select(row => new PersonalizationRoleMapping { CustomerId = row.CustomerId }));

        return rows.Select(row => row.CustomerId).Distinct().ToList();
    }

    public virtual async Task RecordAsync(int segmentId, int roleId, IReadOnlyCollection<int> customerIds, DateTime addedOnUtc)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        foreach (var batch in customerIds.Chunk(RoleMembers.BATCH_SIZE))
        {
            var rows = batch.Select(customerId => new PersonalizationRoleMapping
            {
                SegmentId = segmentId, CustomerRoleId = roleId, CustomerId = customerId, AddedOnUtc = addedOnUtc
            }).ToList();
            await _ledgerRepository.InsertAsync(rows, publishEvent: false);
        }
    }

    public virtual async Task ForgetAsync(int segmentId, int roleId, IReadOnlyCollection<int> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        foreach (var batch in customerIds.Chunk(RoleMembers.BATCH_SIZE))
            await _ledgerRepository.DeleteAsync(row => row.SegmentId == segmentId && row.CustomerRoleId == roleId && batch.Contains(row.CustomerId));
    }

    /// <summary>
    /// Removes, for one customer (an erased one), the nopCommerce role mappings the sync added and the ledger rows.
    /// Mappings an admin added by hand stay.
    /// </summary>
    /// <returns>How many ledger rows were removed.</returns>
    public virtual async Task<int> RemoveCustomerAsync(int customerId)
    {
        var rows = await _ledgerRepository.GetAllAsync(query => query.Where(row => row.CustomerId == customerId));
        if (rows.Count == 0)
            return 0;

        foreach (var roleId in rows.Select(row => row.CustomerRoleId).Distinct())
            await _roleMembers.RemoveAsync(roleId, [customerId]);
        await _ledgerRepository.DeleteAsync(row => row.CustomerId == customerId);
        await _roleMembers.ClearCachesAsync();

        return rows.Count;
    }
}

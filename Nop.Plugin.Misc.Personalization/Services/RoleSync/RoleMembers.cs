using Nop.Core.Caching;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// Reads and writes customer role memberships in nopCommerce's Customer_CustomerRole_Mapping table, in batches.
/// </summary>
/// <remarks>
/// Why not ICustomerService.AddCustomerRoleMappingAsync / RemoveCustomerRoleMappingAsync: in 4.90.6 each is one
/// database round trip per customer (the removal two: a select, then a delete), and each publishes one entity event
/// whose only consumer (CustomerCustomerRoleMappingCacheEventConsumer) removes the mapping entity's cache prefixes and
/// that customer's role cache key. For tens of thousands of customers that is tens of thousands of round trips and
/// prefix removals (with a distributed cache each is a Redis key scan or a SQL Server DELETE ... LIKE). Here a batch is
/// one bulk insert or one delete statement without events, and ClearCachesAsync then removes the same cache entries
/// once, by prefix. Measured on PostgreSQL 15 on loopback (RoleSyncDatabaseTests, three runs): 20,000 additions took
/// 5.6-7.3 s one INSERT at a time (events not included) and 0.3-0.4 s in batches; 20,000 removals took 9.5-11.0 s as a
/// select and a delete each and 0.1-0.2 s in batches; a database across a network widens the gap. The per-request cache
/// (IShortTermCacheManager) is left alone: it lives only as long as a request's scope, and nothing in this scope reads
/// memberships through it. Other plugins' consumers of the mapping's entity events are not notified; nopCommerce itself
/// has none but the cache one.
/// </remarks>
public class RoleMembers
{
    /// <summary>
    /// Customer ids per statement: well below SQL Server's 2,100 parameters should the provider send them as parameters.
    /// </summary>
    public const int BATCH_SIZE = 1_000;

    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<CustomerCustomerRoleMapping> _roleMappingRepository;
    private readonly IStaticCacheManager _staticCacheManager;

    public RoleMembers(IRepository<Customer> customerRepository,
        IRepository<CustomerCustomerRoleMapping> roleMappingRepository,
        IStaticCacheManager staticCacheManager)
    {
        _customerRepository = customerRepository;
        _roleMappingRepository = roleMappingRepository;
        _staticCacheManager = staticCacheManager;
    }

    public virtual async Task<IReadOnlyList<int>> MembersAsync(int roleId)
    {
        var mappings = await _roleMappingRepository.GetAllAsync(query => query
            .Where(mapping => mapping.CustomerRoleId == roleId)
            .Select(mapping => new CustomerCustomerRoleMapping { CustomerId = mapping.CustomerId }));

        return mappings.Select(mapping => mapping.CustomerId).ToList();
    }

    /// <summary>
    /// The customers among <paramref name="customerIds"/> that may be synced into a role: registered (in the
    /// Registered role), active and not deleted. Guests, search engines and background accounts never are.
    /// </summary>
    public virtual async Task<HashSet<int>> RegisteredAsync(IEnumerable<int> customerIds, int registeredRoleId)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var registered = new HashSet<int>();
        foreach (var batch in customerIds.Distinct().Order().Chunk(BATCH_SIZE))
        {
            var customers = await _customerRepository.GetAllAsync(query => query
                .Where(customer => batch.Contains(customer.Id) && customer.Active && !customer.Deleted
                    && _roleMappingRepository.Table.Any(mapping => mapping.CustomerId == customer.Id && mapping.CustomerRoleId == registeredRoleId))
                .Select(customer => new Customer { Id = customer.Id }));
            registered.UnionWith(customers.Select(customer => customer.Id));
        }

        return registered;
    }

    public virtual async Task AddAsync(int roleId, IReadOnlyCollection<int> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        foreach (var batch in customerIds.Chunk(BATCH_SIZE))
        {
            var mappings = batch.Select(customerId => new CustomerCustomerRoleMapping { CustomerId = customerId, CustomerRoleId = roleId }).ToList();
            await _roleMappingRepository.InsertAsync(mappings, publishEvent: false);
        }
    }

    public virtual async Task RemoveAsync(int roleId, IReadOnlyCollection<int> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        foreach (var batch in customerIds.Chunk(BATCH_SIZE))
            await _roleMappingRepository.DeleteAsync(mapping => mapping.CustomerRoleId == roleId && batch.Contains(mapping.CustomerId));
    }

    /// <summary>
    /// What the mapping's cache event consumer removes for each inserted or deleted row (the entity's by-id, by-ids
    /// and all caches, the customer's role ids), for all rows at once.
    /// </summary>
    public virtual async Task ClearCachesAsync()
    {
        await _staticCacheManager.RemoveByPrefixAsync(NopEntityCacheDefaults<CustomerCustomerRoleMapping>.Prefix);
        await _staticCacheManager.RemoveByPrefixAsync(NopCustomerServicesDefaults.CustomerCustomerRolesPrefix);
    }
}

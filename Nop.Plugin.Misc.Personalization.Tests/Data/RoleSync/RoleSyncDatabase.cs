using LinqToDB;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Nop.Core.Caching;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Security;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Customers;
using Nop.Services.Logging;
using Nop.Services.Security;
using Nop.Core.Domain.Logging;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.RoleSync;

/// <summary>
/// A shop's customers, roles and permissions in PostgreSQL next to the plugin's profiles and segments, and the role
/// sync built over real linq2db repositories. nopCommerce's customer service (whose role lookups the sync uses) is a
/// Moq stand-in reading the same CustomerRole table; the static cache is a Moq that records the prefixes removed.
/// </summary>
public sealed class RoleSyncDatabase
{
    private readonly DataOptions _options;

    public RoleSyncDatabase(DataOptions options)
    {
        _options = options;
        CustomerService.Setup(c => c.GetAllCustomerRolesAsync(It.IsAny<bool>()))
            .Returns(async (bool showHidden) => await Repository<CustomerRole>().GetAllAsync(query => query.Where(role => showHidden || role.Active)));
        CustomerService.Setup(c => c.GetCustomerRoleBySystemNameAsync(It.IsAny<string>()))
            .Returns(async (string systemName) => (await Repository<CustomerRole>().GetAllAsync(query => query.Where(role => role.SystemName == systemName).OrderBy(role => role.Id))).FirstOrDefault());
        GrantTheLinkingAdmin();
        CustomerService.Setup(c => c.GetCustomerByIdAsync(ADMIN_ID)).ReturnsAsync(new Customer { Id = ADMIN_ID, Active = true });
        Cache.Setup(c => c.RemoveByPrefixAsync(It.IsAny<string>(), It.IsAny<object[]>()))
            .Callback((string prefix, object[] _) => ClearedPrefixes.Add(prefix))
            .Returns(Task.CompletedTask);
    }

    public Mock<ICustomerService> CustomerService { get; } = new();

    public Mock<IStaticCacheManager> Cache { get; } = new();

    public List<string> ClearedPrefixes { get; } = [];

    public CustomerRole Registered { get; private set; }

    public CustomerRole Guests { get; private set; }

    public IRepository<TEntity> Repository<TEntity>() where TEntity : Nop.Core.BaseEntity => new LinqToDbRepository<TEntity>(_options);

    public RoleMembers RoleMembers() => new(Repository<Customer>(), Repository<CustomerCustomerRoleMapping>(), Cache.Object);

    public Mock<IPermissionService> Permissions { get; } = new();

    public Mock<ICustomerActivityService> Activity { get; } = new();

    private void GrantTheLinkingAdmin()
    {
        Permissions.Reset();
        Activity.Reset();
        Permissions.Setup(p => p.AuthorizeAsync(It.IsAny<string>(), It.Is<Customer>(customer => customer.Id == ADMIN_ID))).ReturnsAsync(true);
    }

    /// <summary>The admin who links roles in these tests; they hold every permission unless a test withdraws one.</summary>
    public const int ADMIN_ID = 1_000_000;

    public RoleMappingLedger Ledger(RoleMembers roleMembers = null) => new(Repository<PersonalizationRoleMapping>(), roleMembers ?? RoleMembers());

    public SegmentRoleSync Sync(RoleMembers roleMembers = null)
    {
        var members = roleMembers ?? RoleMembers();
        return new(new RoleSyncActivityLog(Repository<ActivityLogType>(), Activity.Object, CustomerService.Object), CustomerService.Object, Ledger(members),
            new RecordingShopLog(), new RoleLinkPermission(CustomerService.Object, Permissions.Object), new SegmentMemberReader(Repository<PersonalizationProfile>()),
            members, Repository<PersonalizationSegment>(), new SyncableRoles(CustomerService.Object, Repository<PermissionRecordCustomerRoleMapping>()), TimeProvider.System);
    }

    /// <summary>
    /// Empties every table the sync touches and adds nopCommerce's system roles, Administrators holding a permission.
    /// </summary>
    public async Task ResetAsync()
    {
        await Repository<PersonalizationProfile>().TruncateAsync();
        await Repository<PersonalizationSegment>().TruncateAsync();
        await Repository<PersonalizationRoleMapping>().TruncateAsync();
        await Repository<CustomerCustomerRoleMapping>().DeleteAsync(_ => true);
        await Repository<PermissionRecordCustomerRoleMapping>().DeleteAsync(_ => true);
        await Repository<Customer>().DeleteAsync(_ => true);
        await Repository<CustomerRole>().DeleteAsync(_ => true);
        ClearedPrefixes.Clear();
        GrantTheLinkingAdmin();

        var administrators = await AddRoleAsync("Administrators", systemName: "Administrators");
        await GrantPermissionAsync(administrators, permissionRecordId: 1);
        Registered = await AddRoleAsync("Registered", systemName: "Registered");
        Guests = await AddRoleAsync("Guests", systemName: "Guests");
        await AddRoleAsync("Vendors", systemName: "Vendors");
    }

    /// <param name="systemName">Given: a system role, as nopCommerce's own roles are.</param>
    public async Task<CustomerRole> AddRoleAsync(string name, bool active = true, string systemName = null)
    {
        var role = new CustomerRole { Name = name, Active = active, IsSystemRole = systemName != null, SystemName = systemName };
        await Repository<CustomerRole>().InsertAsync(role, publishEvent: false);
        return role;
    }

    public Task GrantPermissionAsync(CustomerRole role, int permissionRecordId) =>
        Repository<PermissionRecordCustomerRoleMapping>().InsertAsync([new PermissionRecordCustomerRoleMapping { PermissionRecordId = permissionRecordId, CustomerRoleId = role.Id }], publishEvent: false);

    /// <summary>
    /// A customer as nopCommerce keeps one: registered ones in the Registered role, guests in the Guests role.
    /// </summary>
    public async Task<int> AddCustomerAsync(bool registered = true, bool active = true, bool deleted = false)
    {
        return (await AddCustomersAsync(1, registered, active, deleted))[0];
    }

    public async Task<IReadOnlyList<int>> AddCustomersAsync(int count, bool registered = true, bool active = true, bool deleted = false)
    {
        var customers = Enumerable.Range(0, count).Select(_ => new Customer
        {
            CustomerGuid = Guid.NewGuid(), Active = active, Deleted = deleted, CreatedOnUtc = DateTime.UtcNow, LastActivityDateUtc = DateTime.UtcNow, RegisteredInStoreId = 1
        }).ToList();
        await Repository<Customer>().InsertAsync(customers, publishEvent: false);
        var role = registered ? Registered : Guests;
        await Repository<CustomerCustomerRoleMapping>().InsertAsync(
            customers.Select(customer => new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = role.Id }).ToList(), publishEvent: false);

        return customers.Select(customer => customer.Id).ToList();
    }

    public Task AddToRoleAsync(CustomerRole role, params int[] customerIds) =>
        Repository<CustomerCustomerRoleMapping>().InsertAsync(customerIds.Select(id => new CustomerCustomerRoleMapping { CustomerId = id, CustomerRoleId = role.Id }).ToList(), publishEvent: false);

    /// <summary>
    /// Mappings as an earlier sync left them: in nopCommerce's table and in the plugin's ledger.
    /// </summary>
    public async Task AddSyncedAsync(PersonalizationSegment segment, CustomerRole role, params int[] customerIds)
    {
        await AddToRoleAsync(role, customerIds);
        await Repository<PersonalizationRoleMapping>().InsertAsync(customerIds.Select(id => new PersonalizationRoleMapping
        {
            SegmentId = segment.Id, CustomerRoleId = role.Id, CustomerId = id, AddedOnUtc = DateTime.UtcNow
        }).ToList(), publishEvent: false);
    }

    public async Task<IReadOnlyList<int>> LedgerAsync(CustomerRole role) =>
        (await Repository<PersonalizationRoleMapping>().GetAllAsync(query => query.Where(row => row.CustomerRoleId == role.Id).OrderBy(row => row.CustomerId)))
        .Select(row => row.CustomerId).ToList();

    public async Task<PersonalizationSegment> AddSegmentAsync(string name, CustomerRole role, bool enabled = true, int roleId = 0, RoleLink link = RoleLink.CreatedForSegment)
    {
        var segment = new PersonalizationSegment
        {
            Name = name, RuleDefinition = "orders >= 1", CustomerRoleId = role?.Id ?? roleId, Enabled = enabled,
            RoleLink = (role?.Id ?? roleId) > 0 ? (int)link : (int)RoleLink.None, RoleLinkedByCustomerId = ADMIN_ID, RoleLinkedOnUtc = DateTime.UtcNow
        };
        await Repository<PersonalizationSegment>().InsertAsync(segment, publishEvent: false);
        return segment;
    }

    /// <summary>
    /// Profiles in one store holding the given segments, as the daily refresh stores them.
    /// </summary>
    public Task AddProfilesAsync(int storeId, IEnumerable<int> customerIds, params PersonalizationSegment[] segments) =>
        Repository<PersonalizationProfile>().InsertAsync(customerIds.Select(customerId => new PersonalizationProfile
        {
            CustomerId = customerId,
            StoreId = storeId,
            SegmentIds = segments.Length == 0 ? null : string.Join(',', segments.Select(segment => segment.Id)),
            LastComputedOnUtc = DateTime.UtcNow
        }).ToList(), publishEvent: false);

    public async Task<IReadOnlyList<int>> MembersAsync(CustomerRole role)
    {
        var roleId = role.Id;
        var mappings = await Repository<CustomerCustomerRoleMapping>().GetAllAsync(query => query.Where(mapping => mapping.CustomerRoleId == roleId));
        return mappings.Select(mapping => mapping.CustomerId).Order().ToList();
    }
}

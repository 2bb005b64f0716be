using Moq;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.RoleSync;

/// <summary>
/// The role sync stays within nopCommerce's permissions, on PostgreSQL: it removes only the mappings it added itself,
/// syncs only roles linked under the rules by an admin who still may manage customers, and leaves an activity-log entry.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class RoleSyncLedgerDatabaseTests : MigratedDatabaseTest
{
    private RoleSyncDatabase _shop;

    public RoleSyncLedgerDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public void CreateShopTables()
    {
        using (var migrator = new PluginMigrator(Database))
            migrator.Up(new ShopCustomerTablesMigration());

        _shop = new RoleSyncDatabase(ShopCustomerTablesMigration.Options(Database));
    }

    [SetUp]
    public Task ResetAsync() => _shop.ResetAsync();

    private static IReadOnlySet<int> Evaluated(params PersonalizationSegment[] segments) => segments.Select(segment => segment.Id).ToHashSet();

    [Test]
    public async Task AMemberAddedByHandSurvivesWhileOneTheSyncAddedLeavesWithTheSegment()
    {
        var vip = await _shop.AddRoleAsync("VIP");
        var segment = await _shop.AddSegmentAsync("High value", vip, link: RoleLink.EmptyWhenLinked);
        var customers = await _shop.AddCustomersAsync(3);
        await _shop.AddProfilesAsync(1, [customers[0], customers[1]], segment);

        (await _shop.Sync().SyncAsync(Evaluated(segment))).Single().Added.Should().Be(2);
        //the admin adds customer 2 by hand; customer 1 leaves the segment
        await _shop.AddToRoleAsync(vip, customers[2]);
        await _shop.Repository<PersonalizationProfile>().TruncateAsync();
        await _shop.AddProfilesAsync(1, [customers[0]], segment);

        var outcome = (await _shop.Sync().SyncAsync(Evaluated(segment))).Single();

        (outcome.Status, outcome.Added, outcome.Removed).Should().Be((RoleSyncStatus.Synced, 0, 1));
        (await _shop.MembersAsync(vip)).Should().Equal(customers[0], customers[2]);
        (await _shop.LedgerAsync(vip)).Should().Equal(customers[0]);
    }

    [Test]
    public async Task AMappingTheAdminRemovedByHandIsForgottenAndTheLedgerFollowsTheRole()
    {
        var vip = await _shop.AddRoleAsync("VIP");
        var segment = await _shop.AddSegmentAsync("High value", vip);
        var customers = await _shop.AddCustomersAsync(2);
        await _shop.AddProfilesAsync(1, customers, segment);
        await _shop.Sync().SyncAsync(Evaluated(segment));
        await _shop.Repository<CustomerCustomerRoleMapping>().DeleteAsync(mapping => mapping.CustomerRoleId == vip.Id && mapping.CustomerId == customers[1]);

        var outcome = (await _shop.Sync().SyncAsync(Evaluated(segment))).Single();

        (outcome.Added, outcome.Removed).Should().Be((1, 0));
        (await _shop.LedgerAsync(vip)).Should().Equal(customers);
    }

    [Test]
    public async Task ARoleLinkedBeforeTheRulesIsLeftAsItIs()
    {
        var vip = await _shop.AddRoleAsync("VIP");
        var segment = await _shop.AddSegmentAsync("High value", vip, link: RoleLink.None);
        var customers = await _shop.AddCustomersAsync(2);
        await _shop.AddProfilesAsync(1, [customers[0]], segment);
        await _shop.AddToRoleAsync(vip, customers[1]);

        var outcomes = await _shop.Sync().SyncAsync(Evaluated(segment));

        outcomes.Should().Equal(RoleSyncOutcome.Skipped(segment.Id, vip.Id, RoleSyncStatus.NotLinked));
        (await _shop.MembersAsync(vip)).Should().Equal(customers[1]);
    }

    [Test]
    public async Task WhenTheLinkingAdminLostManageCustomersTheRoleIsLeftAsItIs()
    {
        var vip = await _shop.AddRoleAsync("VIP");
        var segment = await _shop.AddSegmentAsync("High value", vip);
        var customers = await _shop.AddCustomersAsync(2);
        await _shop.AddProfilesAsync(1, [customers[0]], segment);
        await _shop.AddSyncedAsync(segment, vip, customers[1]);
        _shop.Permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_CREATE_EDIT_DELETE, It.IsAny<Customer>())).ReturnsAsync(false);

        var outcomes = await _shop.Sync().SyncAsync(Evaluated(segment));

        outcomes.Should().Equal(RoleSyncOutcome.Skipped(segment.Id, vip.Id, RoleSyncStatus.NotPermitted));
        (await _shop.MembersAsync(vip)).Should().Equal(customers[1]);
        _shop.Permissions.Verify(p => p.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_CREATE_EDIT_DELETE,
            It.Is<Customer>(customer => customer.Id == RoleSyncDatabase.ADMIN_ID)), Times.Once);
    }

    [Test]
    public async Task EachRunLeavesAnActivityLogEntryWithItsCounts()
    {
        var vip = await _shop.AddRoleAsync("VIP");
        var segment = await _shop.AddSegmentAsync("High value", vip);
        var legacy = await _shop.AddSegmentAsync("Legacy", await _shop.AddRoleAsync("Old"), link: RoleLink.None);
        var customers = await _shop.AddCustomersAsync(3);
        await _shop.AddProfilesAsync(1, [customers[0], customers[1]], segment, legacy);
        await _shop.AddSyncedAsync(segment, vip, customers[2]);
        var background = new Customer { Id = 77, SystemName = "BackgroundTask" };
        _shop.CustomerService.Setup(c => c.GetOrCreateBackgroundTaskUserAsync()).ReturnsAsync(background);

        await _shop.Sync().SyncAsync(Evaluated(segment, legacy));

        _shop.Activity.Verify(a => a.InsertActivityAsync(background, PersonalizationDefaults.RoleSyncActivityKeyword,
            "Segment role sync: 1 segment(s) synced, 2 membership(s) added, 1 removed, 0 left for later runs; 1 segment(s) not synced, 0 failed.", null), Times.Once);
    }

    [Test]
    public async Task RemovingACustomerTakesOutOnlyTheMappingsTheSyncAddedAndItsLedgerRows()
    {
        var vip = await _shop.AddRoleAsync("VIP");
        var gold = await _shop.AddRoleAsync("Gold");
        var vipSegment = await _shop.AddSegmentAsync("High value", vip);
        var goldSegment = await _shop.AddSegmentAsync("Loyal", gold);
        var customers = await _shop.AddCustomersAsync(2);
        await _shop.AddSyncedAsync(vipSegment, vip, customers[0], customers[1]);
        await _shop.AddSyncedAsync(goldSegment, gold, customers[0]);
        var handPicked = await _shop.AddRoleAsync("Hand-picked");
        await _shop.AddToRoleAsync(handPicked, customers[0]);

        var removed = await _shop.Ledger().RemoveCustomerAsync(customers[0]);

        removed.Should().Be(2);
        (await _shop.MembersAsync(vip)).Should().Equal(customers[1]);
        (await _shop.MembersAsync(gold)).Should().BeEmpty();
        (await _shop.MembersAsync(handPicked)).Should().Equal(customers[0]);
        (await _shop.MembersAsync(_shop.Registered)).Should().Contain(customers[0]);
        (await _shop.LedgerAsync(vip)).Should().Equal(customers[1]);
        (await _shop.LedgerAsync(gold)).Should().BeEmpty();
        _shop.ClearedPrefixes.Should().NotBeEmpty("nopCommerce's role caches are cleared");
        (await _shop.Ledger().RemoveCustomerAsync(customers[0])).Should().Be(0);
    }
}

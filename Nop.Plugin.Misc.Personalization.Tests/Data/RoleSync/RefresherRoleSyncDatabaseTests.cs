using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.RoleSync;

/// <summary>
/// The daily insights refresh followed by the role sync, on PostgreSQL: the profiles it stores decide the role's members.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class RefresherRoleSyncDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTime _now = new(2026, 9, 1, 3, 0, 0, DateTimeKind.Utc);
    private static readonly ProductFacts[] _products = [new(1, [10], 0, 5m, true, true, _now.AddDays(-300))];

    private RoleSyncDatabase _shop;
    private InMemorySettings _settings;

    public RefresherRoleSyncDatabaseTests(DatabaseEngine engine) : base(engine)
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
    public async Task ResetAsync()
    {
        await _shop.ResetAsync();
        await _shop.Repository<PersonalizationPrediction>().TruncateAsync();
        _settings = new InMemorySettings().Handle<PersonalizationInsightsState>();
    }

    private CustomerInsightsRefresher Refresher() =>
        new(new EmailActivityReader(_shop.Repository<PersonalizationEvent>(), _shop.Repository<PersonalizationEmailSend>()), _shop.Repository<PersonalizationErasure>(), new RecordingShopLog(), _shop.Repository<PersonalizationPrediction>(), _shop.Repository<PersonalizationProfile>(),
            _shop.Sync(), new SegmentStore(_shop.Repository<PersonalizationSegment>()), _settings.Service);

    private static Interaction Buy(int customerId, int store = 1) =>
        new(store, customerId, 1, InteractionType.Purchase, _now.AddDays(-5), 1, 5m, store * 100_000 + customerId);

    [Test]
    public async Task AfterTheRefreshTheRoleHoldsTheSegmentsRegisteredBuyersOfEveryStore()
    {
        var buyersRole = await _shop.AddRoleAsync("Buyers");
        var segment = await _shop.AddSegmentAsync("Buyers", buyersRole);
        var registered = await _shop.AddCustomersAsync(3);
        var guest = await _shop.AddCustomerAsync(registered: false);
        var bySync = await _shop.AddCustomerAsync();
        await _shop.AddSyncedAsync(segment, buyersRole, bySync);

        await Refresher().RefreshIfDueAsync([Buy(registered[0]), Buy(registered[1]), Buy(registered[2], store: 2), Buy(guest)], _products, _now);

        (await _shop.MembersAsync(buyersRole)).Should().Equal(registered);
        var state = _settings.Load<PersonalizationInsightsState>();
        state.RoleSyncedOnUtc.Should().Be(_now);
        state.RoleSyncProblem.Should().BeNullOrEmpty("settings keep a null text as an empty one");
        RoleSyncOutcome.Parse(state.RoleSync).Should().Equal(new RoleSyncOutcome(segment.Id, buyersRole.Id, RoleSyncStatus.Synced, Added: 3, Removed: 1));
    }

    [Test]
    public async Task ARoleSyncFailureIsRecordedWhileTheProfilesStayStored()
    {
        var buyersRole = await _shop.AddRoleAsync("Buyers");
        await _shop.AddSegmentAsync("Buyers", buyersRole);
        var registered = await _shop.AddCustomersAsync(2);
        _shop.CustomerService.Setup(c => c.GetCustomerRoleBySystemNameAsync(It.IsAny<string>())).ThrowsAsync(new InvalidOperationException("no Registered role"));

        (await Refresher().RefreshIfDueAsync([Buy(registered[0]), Buy(registered[1])], _products, _now)).Should().BeTrue();

        (await _shop.MembersAsync(buyersRole)).Should().BeEmpty();
        (await _shop.Repository<PersonalizationProfile>().GetAllAsync(query => query)).Should().HaveCount(2);
        var state = _settings.Load<PersonalizationInsightsState>();
        state.Problem.Should().BeNullOrEmpty();
        (state.NextRefreshOnUtc, state.RoleSyncProblem).Should().Be((_now + CustomerInsightsRefresher.RefreshInterval, "role sync failed: no Registered role"));
    }
}

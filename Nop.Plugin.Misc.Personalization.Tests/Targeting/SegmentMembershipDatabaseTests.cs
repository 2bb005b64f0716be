using Nop.Plugin.Misc.Personalization.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Targeting;

/// <summary>
/// Segment memberships read from stored profiles on PostgreSQL: lookups, noticing a newer refresh, and keeping the
/// previous memberships while the database fails.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class SegmentMembershipDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTime _firstRun = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime _secondRun = _firstRun.AddDays(1);

    private bool _databaseDown;
    private RecordingShopLog _logger;
    private SegmentMembership _membership;
    private ServiceProvider _services;

    public SegmentMembershipDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public async Task SetUpAsync()
    {
        await Repository<PersonalizationProfile>().TruncateAsync(resetIdentity: true);
        _databaseDown = false;
        _logger = new RecordingShopLog();
        _membership = new SegmentMembership();
        //nothing listens on port 1: every query fails the way a database that is down does
        var unreachable = new LinqToDbRepository<PersonalizationProfile>(PersonalizationDataOptions.Unreachable(Engine));
        _services = new ServiceCollection()
            .AddScoped(_ => new SegmentMembershipReader(_databaseDown ? unreachable : Repository<PersonalizationProfile>()))
            .BuildServiceProvider();
    }

    [TearDown]
    public async Task TearDownAsync() => await _services.DisposeAsync();

    private SegmentMembershipRefresher Refresher(int pageSize = 2, int maxCustomers = 1_000) =>
        new(_logger, _membership, _services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            new SegmentMembershipOptions { PageSize = pageSize, MaxCustomers = maxCustomers }, new PluginLifetime());

    private async Task StoreAsync(DateTime computedOnUtc, params (int StoreId, int CustomerId, string SegmentIds)[] rows)
    {
        await Repository<PersonalizationProfile>().InsertAsync(rows.Select(row => new PersonalizationProfile
        {
            StoreId = row.StoreId,
            CustomerId = row.CustomerId,
            SegmentIds = row.SegmentIds,
            Affinities = "c1:0.5",
            LastComputedOnUtc = computedOnUtc
        }).ToList(), publishEvent: false);
    }

    /// <summary>What a refresh does to a store: its rows deleted, the new ones inserted.</summary>
    private async Task ReplaceStoreAsync(int storeId, DateTime computedOnUtc, params (int CustomerId, string SegmentIds)[] rows)
    {
        await Repository<PersonalizationProfile>().DeleteAsync(profile => profile.StoreId == storeId);
        await StoreAsync(computedOnUtc, rows.Select(row => (storeId, row.CustomerId, row.SegmentIds)).ToArray());
    }

    private int Warnings() => _logger.Warnings.Count;

    [Test]
    public async Task StoredProfilesBecomeLookupsByStoreAndCustomerAcrossPages()
    {
        await StoreAsync(_firstRun, (1, 10, "3,7"), (1, 11, "7"), (1, 12, null), (2, 10, "3"), (1, 13, "12"));

        (await Refresher().RefreshAsync()).Should().BeTrue();

        _membership.IsLoaded.Should().BeTrue();
        _membership.Customers.Should().Be(4, "customer 12 is in no segment and is not held");
        _membership.IsMember(1, 10, 7).Should().BeTrue();
        _membership.IsMember(1, 11, 7).Should().BeTrue();
        _membership.IsMember(1, 13, 12).Should().BeTrue("the last page is read too");
        _membership.IsMember(2, 10, 3).Should().BeTrue();
        _membership.IsMember(2, 10, 7).Should().BeFalse();
        _membership.IsMember(1, 12, 7).Should().BeFalse();
        _membership.SegmentsOf(1, 10).Should().Equal(3, 7);
    }

    [Test]
    public async Task NoStoredProfilesLoadAsNobodyInASegment()
    {
        (await Refresher().RefreshAsync()).Should().BeTrue();

        _membership.IsLoaded.Should().BeTrue();
        _membership.Customers.Should().Be(0);
    }

    [Test]
    public async Task UnchangedProfilesAreNotReadAgain()
    {
        await StoreAsync(_firstRun, (1, 10, "3"));
        var refresher = Refresher();
        await refresher.RefreshAsync();

        (await refresher.RefreshAsync()).Should().BeFalse();
        _membership.IsMember(1, 10, 3).Should().BeTrue();
    }

    [Test]
    public async Task ANewerRefreshIsPickedUp()
    {
        await StoreAsync(_firstRun, (1, 10, "3"), (1, 11, "3"), (2, 20, "4"));
        var refresher = Refresher();
        await refresher.RefreshAsync();

        await ReplaceStoreAsync(1, _secondRun, (10, "5"), (12, "3"));

        (await refresher.RefreshAsync()).Should().BeTrue();
        _membership.IsMember(1, 10, 3).Should().BeFalse("customer 10 left segment 3");
        _membership.IsMember(1, 10, 5).Should().BeTrue();
        _membership.IsMember(1, 11, 3).Should().BeFalse();
        _membership.IsMember(1, 12, 3).Should().BeTrue();
        _membership.IsMember(2, 20, 4).Should().BeTrue("the other store's rows stay");
    }

    [Test]
    public async Task ARefreshThatReusesTheIdsIsStillNoticedByItsTime()
    {
        //nopCommerce numbers a bulk insert from the table's maximum id on some databases, so ids come back after a delete
        await StoreAsync(_firstRun, (1, 10, "3"));
        var refresher = Refresher();
        await refresher.RefreshAsync();
        var before = await new SegmentMembershipReader(Repository<PersonalizationProfile>()).ReadStampAsync();

        await Repository<PersonalizationProfile>().TruncateAsync(resetIdentity: true);
        await StoreAsync(_secondRun, (1, 10, "4"));
        var after = await new SegmentMembershipReader(Repository<PersonalizationProfile>()).ReadStampAsync();

        after.NewestProfileId.Should().Be(before.NewestProfileId);
        (await refresher.RefreshAsync()).Should().BeTrue();
        _membership.IsMember(1, 10, 4).Should().BeTrue();
    }

    [Test]
    public async Task AReloadRequestedAfterThisNodesTrainingReadsAgainWhateverTheStamp()
    {
        await StoreAsync(_firstRun, (1, 10, "3"));
        var refresher = Refresher();
        await refresher.RefreshAsync();

        refresher.RequestReload();

        (await refresher.RefreshAsync()).Should().BeTrue();
        (await refresher.RefreshAsync()).Should().BeFalse("the request is answered once");
    }

    [Test]
    public async Task AFailingReadKeepsThePreviousMembershipsAndIsLoggedOnce()
    {
        await StoreAsync(_firstRun, (1, 10, "3"));
        var refresher = Refresher();
        await refresher.RefreshAsync();
        await ReplaceStoreAsync(1, _secondRun, (10, "4"));
        _databaseDown = true;

        (await refresher.RefreshAsync()).Should().BeFalse();
        (await refresher.RefreshAsync()).Should().BeFalse();

        _membership.IsMember(1, 10, 3).Should().BeTrue("the previous memberships stay in service");
        Warnings().Should().Be(1, "a database that stays down is logged once, not at every check");

        _databaseDown = false;
        (await refresher.RefreshAsync()).Should().BeTrue();
        _membership.IsMember(1, 10, 4).Should().BeTrue();
        _logger.Informations.Count.Should().Be(1, "the recovery is logged");
        Warnings().Should().Be(1);
    }

    [Test]
    public async Task AReloadRequestedWhileTheDatabaseFailsIsAnsweredOnceItIsBack()
    {
        await StoreAsync(_firstRun, (1, 10, "3"));
        var refresher = Refresher();
        await refresher.RefreshAsync();
        _databaseDown = true;
        refresher.RequestReload();
        (await refresher.RefreshAsync()).Should().BeFalse();

        _databaseDown = false;

        (await refresher.RefreshAsync()).Should().BeTrue("the stamp is unchanged, but the request still stands");
    }

    [Test]
    public async Task WhenTheFirstReadFailsNobodyIsKnownToBeInASegment()
    {
        await StoreAsync(_firstRun, (1, 10, "3"));
        _databaseDown = true;

        (await Refresher().RefreshAsync()).Should().BeFalse();

        _membership.IsLoaded.Should().BeFalse();
        _membership.IsMember(1, 10, 3).Should().BeFalse();
    }

    [Test]
    public async Task MoreSegmentedCustomersThanTheLimitKeepTheFirstByProfileIdAndWarnOnce()
    {
        await StoreAsync(_firstRun, (1, 10, "3"), (1, 11, "3"), (1, 12, "3"), (1, 13, null));
        var refresher = Refresher(pageSize: 10, maxCustomers: 2);

        await refresher.RefreshAsync();
        refresher.RequestReload();
        await refresher.RefreshAsync();

        _membership.Customers.Should().Be(2);
        _membership.IsMember(1, 10, 3).Should().BeTrue();
        _membership.IsMember(1, 12, 3).Should().BeFalse();
        Warnings().Should().Be(1);
    }
}

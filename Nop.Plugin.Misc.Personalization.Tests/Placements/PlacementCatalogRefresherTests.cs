using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Plugin.Misc.Personalization.Services;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Placements;

[TestFixture]
public class PlacementCatalogRefresherTests
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);
    private static readonly PlacementDefinition _home = new(1, 0, "home_page_top", "ForYou", "For you", 8, 0, 0);
    private static readonly PlacementDefinition _product = new(2, 0, "productdetails_bottom", "Similar", "Similar", 4, 0, 0);

    private readonly PlacementCatalogRefresherOptions _options = new()
    {
        ReloadInterval = TimeSpan.FromMinutes(5),
        FirstRetryDelay = TimeSpan.FromSeconds(2),
        MaxRetryDelay = TimeSpan.FromSeconds(30)
    };

    private FakeTimeProvider _time;
    private FakePlacementSource _source;
    private PlacementCatalog _catalog;
    private RecordingShopLog _logger;
    private ServiceProvider _services;
    private PlacementCatalogRefresher _refresher;
    private PluginLifetime _lifetime;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        _source = new FakePlacementSource { Placements = [_home] };
        _catalog = new PlacementCatalog();
        _logger = new RecordingShopLog();
        _services = new ServiceCollection().AddScoped<IPlacementSource>(_ => _source).BuildServiceProvider();
        _lifetime = new PluginLifetime();
        _refresher = new PlacementCatalogRefresher(_catalog, _services.GetRequiredService<IServiceScopeFactory>(), _time, _logger, _options, _lifetime);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        _source.Gate?.TrySetResult();
        await _refresher.StopAsync(CancellationToken.None);
        _refresher.Dispose();
        _lifetime.Dispose();
        await _services.DisposeAsync();
    }

    [Test]
    public async Task LoadsTheEnabledPlacementsAtStart()
    {
        await _refresher.StartAsync(CancellationToken.None);

        await EventuallyAsync(() => _catalog.IsLoaded);
        _catalog.ForZone(1, "home_page_top").Should().Equal(_home);
        _source.Calls.Should().Be(1);
    }

    [Test]
    public async Task AfterUninstallingItReadsNoMore()
    {
        await _refresher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _catalog.IsLoaded);

        _lifetime.MarkUninstalled();
        await EventuallyAsync(() => _refresher.ExecuteTask!.IsCompletedSuccessfully);
        _refresher.RequestReload();
        _time.Advance(TimeSpan.FromDays(1));
        await Task.Delay(100);

        _source.Calls.Should().Be(1, "the plugin's tables are gone: no reload, no periodic read");
        _logger.Entries.Should().BeEmpty();
    }

    [Test]
    public async Task StartingTheHostDoesNotWaitForTheDatabase()
    {
        _source.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var start = _refresher.StartAsync(CancellationToken.None);

        (await Task.WhenAny(start, Task.Delay(_patience))).Should().BeSameAs(start);
        _catalog.IsLoaded.Should().BeFalse();
        _source.Gate.SetResult();
        await EventuallyAsync(() => _catalog.IsLoaded);
    }

    [Test]
    public async Task RetriesWithBackoffUntilTheDatabaseAnswersWithoutFailingTheHost()
    {
        _source.FailNext(3);

        await _refresher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _source.Calls == 1);
        _catalog.IsLoaded.Should().BeFalse();

        //2 s, 4 s, 8 s of backoff: the fourth attempt succeeds
        await EventuallyAsync(() => _catalog.IsLoaded, advance: TimeSpan.FromSeconds(1));

        _source.Calls.Should().Be(4);
        _time.GetUtcNow().Should().BeOnOrAfter(new DateTimeOffset(2026, 11, 26, 9, 0, 14, TimeSpan.Zero), "each retry waits longer than the one before");
        _refresher.ExecuteTask!.IsFaulted.Should().BeFalse();
        LoggedWarnings().Should().Be(3);
    }

    [Test]
    public async Task ReloadsAtOnceWhenSignalled()
    {
        await _refresher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _catalog.IsLoaded);

        _source.Placements = [_home, _product];
        _refresher.RequestReload();

        await EventuallyAsync(() => _catalog.WidgetZones().Count == 2);
        _source.Calls.Should().Be(2);
        _time.GetUtcNow().Should().Be(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), "no time passed: the signal did it");
    }

    [Test]
    public async Task ASignalDuringALoadIsNotLost()
    {
        await _refresher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _catalog.IsLoaded);
        _source.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _refresher.RequestReload();
        await EventuallyAsync(() => _source.Calls == 2);

        //the change lands after the running load has read the table
        _source.Placements = [_home, _product];
        _refresher.RequestReload();
        _source.Gate.SetResult();

        await EventuallyAsync(() => _catalog.WidgetZones().Count == 2);
        _source.Calls.Should().Be(3);
    }

    [Test]
    public async Task ReloadsPeriodicallyForChangesMadeOnOtherNodes()
    {
        await _refresher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _catalog.IsLoaded);
        _source.Placements = [_product];

        await EventuallyAsync(() => _catalog.ForZone(1, "productdetails_bottom").Count == 1, advance: TimeSpan.FromMinutes(1));

        _source.Calls.Should().Be(2);
        _time.GetUtcNow().Should().BeOnOrAfter(new DateTimeOffset(2026, 11, 26, 9, 5, 0, TimeSpan.Zero));
    }

    [Test]
    public async Task AFailedReloadKeepsServingTheLastGoodSet()
    {
        await _refresher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _catalog.IsLoaded);

        _source.FailNext(1);
        _refresher.RequestReload();
        await EventuallyAsync(() => _source.Calls == 2);

        _catalog.ForZone(1, "home_page_top").Should().Equal(_home);
        _source.Placements = [_product];
        await EventuallyAsync(() => _catalog.ForZone(1, "productdetails_bottom").Count == 1, advance: TimeSpan.FromSeconds(1));
        _refresher.ExecuteTask!.IsFaulted.Should().BeFalse();
    }

    [Test]
    public async Task StopsPromptlyWhileRetrying()
    {
        _source.FailNext(int.MaxValue);
        await _refresher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _source.Calls == 1);

        var stop = _refresher.StopAsync(CancellationToken.None);

        (await Task.WhenAny(stop, Task.Delay(_patience))).Should().BeSameAs(stop);
        _refresher.ExecuteTask!.IsCompletedSuccessfully.Should().BeTrue();
    }

    private int LoggedWarnings() =>
        _logger.Warnings.Count;

    /// <summary>
    /// Waits (in real time) for the background loop; with <paramref name="advance"/> the fake clock moves on in
    /// steps meanwhile, so a delay is passed whenever the loop happens to start it.
    /// </summary>
    private async Task EventuallyAsync(Func<bool> condition, TimeSpan? advance = null)
    {
        var deadline = DateTime.UtcNow + _patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("the refresher did not get there in time");

            await Task.Delay(10);
            if (advance is { } step)
                _time.Advance(step);
        }
    }
}

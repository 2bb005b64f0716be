using Nop.Plugin.Misc.Personalization.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Measurement;

[TestFixture]
public class ImpressionFlusherTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private InMemoryRepository<PersonalizationImpressionCount> _counts;
    private ImpressionTally _tally;
    private RecordingShopLog _log;
    private ImpressionFlusher _flusher;
    private PluginLifetime _lifetime;

    [TearDown]
    public void DisposeLifetime() => _lifetime.Dispose();

    [SetUp]
    public void SetUp()
    {
        _counts = new InMemoryRepository<PersonalizationImpressionCount>();
        _tally = new ImpressionTally();
        _log = new RecordingShopLog();
        var services = new ServiceCollection()
            .AddScoped(_ => _counts.Object)
            .AddScoped<ImpressionCountStore>()
            .BuildServiceProvider();
        _lifetime = new PluginLifetime();
        _flusher = new ImpressionFlusher(_tally, services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(_now), _log,
            new ImpressionFlushOptions(), _lifetime);
    }

    [Test]
    public async Task NothingCountedCostsNoQuery()
    {
        (await _flusher.FlushAsync()).Should().BeTrue();

        _counts.Mock.Invocations.Should().BeEmpty();
    }

    [Test]
    public async Task FlushesAddToTheProcesssOwnRowOfTheDay()
    {
        _tally.Record(1, 7, 4, _now.UtcDateTime);
        await _flusher.FlushAsync();
        _tally.Record(1, 7, 2, _now.UtcDateTime);
        _tally.Record(1, 7, 2, _now.UtcDateTime);
        await _flusher.FlushAsync();

        var row = _counts.Rows.Should().ContainSingle().Subject;
        (row.StoreId, row.PlacementId, row.DayUtc, row.Counter, row.Renders, row.ProductsShown).Should().Be(
            (1, 7, _now.UtcDateTime.Date, ImpressionCountStore.ThisProcess, 3, 8L));
    }

    [Test]
    public async Task AFailedFlushKeepsItsCountsForTheNextAndTellsTheOwnerOnce()
    {
        var databaseAway = true;
        _counts.Mock.Setup(r => r.InsertAsync(It.IsAny<IList<PersonalizationImpressionCount>>(), It.IsAny<bool>()))
            .Callback((IList<PersonalizationImpressionCount> rows, bool _) =>
            {
                if (databaseAway)
                    throw new TimeoutException();
                rows.ToList().ForEach(_counts.Add);
            })
            .Returns(Task.CompletedTask);
        _tally.Record(1, 7, 4, _now.UtcDateTime);

        (await _flusher.FlushAsync()).Should().BeFalse();
        _tally.Record(1, 7, 4, _now.UtcDateTime);
        (await _flusher.FlushAsync()).Should().BeFalse();

        _log.Warnings.Should().ContainSingle("a database that stays away is reported once per interval");
        databaseAway = false;
        (await _flusher.FlushAsync()).Should().BeTrue();
        _counts.Rows.Should().ContainSingle().Which.Renders.Should().Be(2);
    }

    [Test]
    public async Task StoppingTheShopStoresWhatWasCounted()
    {
        await _flusher.StartAsync(CancellationToken.None);
        _tally.Record(1, 7, 4, _now.UtcDateTime);

        await _flusher.StopAsync(CancellationToken.None);

        _counts.Rows.Should().ContainSingle().Which.Renders.Should().Be(1);
    }

    [Test]
    public async Task AfterUninstallingNothingIsWrittenToTheDroppedTable()
    {
        _tally.Record(1, 7, 4, _now.UtcDateTime);
        _lifetime.MarkUninstalled();

        (await _flusher.FlushAsync()).Should().BeTrue();

        _counts.Mock.Invocations.Should().BeEmpty();
        _log.Entries.Should().BeEmpty();
    }
}

using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;

namespace Nop.Plugin.Misc.Personalization.Tests.BackInStock;

[TestFixture]
public class AvailabilityStartScanTests
{
    private static readonly DateTime _now = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

    private InMemorySettings _settings;
    private BackInStockWatch _watch;
    private AvailabilityStartScan _scan;

    [SetUp]
    public void SetUp()
    {
        _settings = new InMemorySettings().Handle<PersonalizationAvailabilityState>();
        _watch = new BackInStockWatch();
        _scan = new AvailabilityStartScan(_settings.Service, _watch);
    }

    private static ServableProduct Product(int id, DateTime? availableFrom, bool inStock = true, bool published = true) =>
        new(id, published, Deleted: false, VisibleIndividually: true, inStock, availableFrom, null, SubjectToAcl: false, LimitedToStores: false, [1], 0, 5m,
            _now.AddYears(-1));

    private List<int> Handed()
    {
        var ids = new List<int>();
        while (_watch.TryTake(out var productId, out _))
            ids.Add(productId);
        return ids;
    }

    [Test]
    public async Task TheFirstScanOnlyMarksWhereTheNextStartsSoProductsOnSaleBeforeTheUpgradeAreNotOffered()
    {
        (await _scan.ScanAsync([Product(1, _now.AddMinutes(-5))], _now)).Should().BeEmpty();

        Handed().Should().BeEmpty();
        _settings.Load<PersonalizationAvailabilityState>().ScannedToUtc.Should().Be(_now);
    }

    [Test]
    public async Task OnlyProductsWhoseStartPassedSinceTheLastScanAndThatCanBeBoughtNowAreHandedToTheCheck()
    {
        _settings.Save(new PersonalizationAvailabilityState { ScannedToUtc = _now.AddHours(-1) });
        var products = new[]
        {
            Product(1, _now.AddMinutes(-30)),
            Product(2, _now.AddHours(-2), inStock: true),
            Product(3, _now.AddMinutes(30)),
            Product(4, _now.AddMinutes(-10), inStock: false),
            Product(5, _now.AddMinutes(-10), published: false),
            Product(6, null),
            Product(7, _now)
        };

        (await _scan.ScanAsync(products, _now)).Should().Equal(1, 7);

        Handed().Should().Equal(1, 7);
        _settings.Load<PersonalizationAvailabilityState>().ScannedToUtc.Should().Be(_now);
    }

    [Test]
    public async Task AProductIsHandedOverOnceNotAgainByTheNextScan()
    {
        _settings.Save(new PersonalizationAvailabilityState { ScannedToUtc = _now.AddHours(-1) });
        var products = new[] { Product(1, _now.AddMinutes(-30)) };

        await _scan.ScanAsync(products, _now);
        Handed().Should().Equal(1);
        (await _scan.ScanAsync(products, _now.AddHours(1))).Should().BeEmpty();
    }
}

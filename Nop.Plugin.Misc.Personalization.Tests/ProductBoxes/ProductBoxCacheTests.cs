using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Services.ProductBoxes;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.ProductBoxes;

[TestFixture]
public class ProductBoxCacheTests
{
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(5);
    private FakeTimeProvider _time;
    private ProductBoxCache _cache;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        _cache = new ProductBoxCache(_time);
    }

    private static ProductBoxKey Key(int customerId = 42, int productId = 7, int storeId = 1, int languageId = 1, int currencyId = 1, int taxDisplay = 0) =>
        new(customerId, storeId, languageId, currencyId, taxDisplay, productId);

    private ProductOverviewModel Add(ProductBoxKey key)
    {
        var box = new ProductOverviewModel { Id = key.ProductId };
        _cache.Add(key, box, _cache.Stamp(key), _lifetime);
        return box;
    }

    [Test]
    public void ABoxIsReusedForTheSameCustomerUntilItsLifetimeEnds()
    {
        var box = Add(Key());

        _time.Advance(_lifetime - TimeSpan.FromSeconds(1));
        _cache.TryGet(Key(), out var reused).Should().BeTrue();
        reused.Should().BeSameAs(box);

        _time.Advance(TimeSpan.FromSeconds(1));
        _cache.TryGet(Key(), out _).Should().BeFalse();
        _cache.Count.Should().Be(0, "an expired box found on the way is removed");
    }

    [Test]
    public void ABoxIsNeverReusedForAnotherCustomerStoreLanguageCurrencyOrTaxDisplay()
    {
        Add(Key());

        _cache.TryGet(Key(customerId: 43), out _).Should().BeFalse();
        _cache.TryGet(Key(storeId: 2), out _).Should().BeFalse();
        _cache.TryGet(Key(languageId: 2), out _).Should().BeFalse();
        _cache.TryGet(Key(currencyId: 2), out _).Should().BeFalse();
        _cache.TryGet(Key(taxDisplay: 10), out _).Should().BeFalse();
        _cache.TryGet(Key(), out _).Should().BeTrue();
    }

    [Test]
    public void AChangedProductMakesItsBoxesStaleForEveryCustomerAndNoOtherProducts()
    {
        Add(Key(customerId: 42, productId: 7));
        Add(Key(customerId: 43, productId: 7));
        Add(Key(customerId: 42, productId: 8));

        _cache.ProductChanged(7);

        _cache.TryGet(Key(customerId: 42, productId: 7), out _).Should().BeFalse();
        _cache.TryGet(Key(customerId: 43, productId: 7), out _).Should().BeFalse();
        _cache.TryGet(Key(customerId: 42, productId: 8), out _).Should().BeTrue();
    }

    [Test]
    public void AChangedCustomerMakesOnlyTheirBoxesStale()
    {
        Add(Key(customerId: 42, productId: 7));
        Add(Key(customerId: 43, productId: 7));

        _cache.CustomerChanged(42);

        _cache.TryGet(Key(customerId: 42), out _).Should().BeFalse();
        _cache.TryGet(Key(customerId: 43), out _).Should().BeTrue();
    }

    [Test]
    public void AChangedShopMakesEveryBoxStale()
    {
        Add(Key(customerId: 42));
        Add(Key(customerId: 43, productId: 9));

        _cache.ShopChanged();

        _cache.TryGet(Key(customerId: 42), out _).Should().BeFalse();
        _cache.TryGet(Key(customerId: 43, productId: 9), out _).Should().BeFalse();
        _cache.Count.Should().Be(0);
    }

    [Test]
    public void ABoxPreparedWhileItsProductChangedIsNotKept()
    {
        var key = Key();
        var stampBeforePreparing = _cache.Stamp(key);
        _cache.ProductChanged(key.ProductId);

        _cache.Add(key, new ProductOverviewModel { Id = key.ProductId }, stampBeforePreparing, _lifetime);

        _cache.TryGet(key, out _).Should().BeFalse();
    }

    [Test]
    public void ABoxPreparedAfterAChangeIsKept()
    {
        _cache.ProductChanged(7);
        _cache.CustomerChanged(42);

        Add(Key());

        _cache.TryGet(Key(), out _).Should().BeTrue();
    }

    [Test]
    public void ANonPositiveLifetimeKeepsNothing()
    {
        var key = Key();
        _cache.Add(key, new ProductOverviewModel { Id = 7 }, _cache.Stamp(key), TimeSpan.Zero);

        _cache.TryGet(key, out _).Should().BeFalse();
        _cache.Count.Should().Be(0);
    }

    [Test]
    public void TheNumberOfBoxesStaysBounded()
    {
        for (var customerId = 1; customerId <= ProductBoxCache.MAX_ENTRIES * 2; customerId++)
            Add(Key(customerId: customerId));

        _cache.Count.Should().BeLessThanOrEqualTo(ProductBoxCache.MAX_ENTRIES);
        _cache.TryGet(Key(customerId: ProductBoxCache.MAX_ENTRIES * 2), out _).Should().BeTrue("the newest box survives a sweep");
    }

    [Test]
    public void ASweepDropsExpiredBoxesFirst()
    {
        for (var customerId = 1; customerId <= ProductBoxCache.MAX_ENTRIES / 2; customerId++)
            Add(Key(customerId: customerId));
        _time.Advance(_lifetime);
        var fresh = Enumerable.Range(ProductBoxCache.MAX_ENTRIES, ProductBoxCache.MAX_ENTRIES / 2 + 1).ToList();
        foreach (var customerId in fresh)
            Add(Key(customerId: customerId));

        _cache.Count.Should().Be(fresh.Count);
        fresh.Where(customerId => !_cache.TryGet(Key(customerId: customerId), out var _)).Should().BeEmpty();
    }

    [Test]
    public void TooManyRememberedChangesStartEverythingOver()
    {
        Add(Key(customerId: 1, productId: 1));
        //one change more than the cache remembers
        for (var productId = 2; productId <= ProductBoxCache.MAX_TRACKED_CHANGES + 2; productId++)
            _cache.ProductChanged(productId);

        _cache.TryGet(Key(customerId: 1, productId: 1), out _).Should().BeFalse("starting over makes every box stale");
        Add(Key(customerId: 1, productId: 1));
        _cache.TryGet(Key(customerId: 1, productId: 1), out _).Should().BeTrue();
    }
}

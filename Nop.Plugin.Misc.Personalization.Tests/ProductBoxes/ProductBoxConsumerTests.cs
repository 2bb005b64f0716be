using Microsoft.Extensions.Time.Testing;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Configuration;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Seo;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Consumers;
using Nop.Plugin.Misc.Personalization.Services.ProductBoxes;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.ProductBoxes;

[TestFixture]
public class ProductBoxConsumerTests
{
    private ProductBoxCache _cache;

    [SetUp]
    public void SetUp()
    {
        _cache = new ProductBoxCache(new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero)));
        foreach (var customerId in new[] { 42, 43 })
        foreach (var productId in new[] { 7, 8 })
            Add(customerId, productId);
    }

    private static ProductBoxKey Key(int customerId, int productId) => new(customerId, 1, 1, 1, 0, productId);

    private void Add(int customerId, int productId) =>
        _cache.Add(Key(customerId, productId), new ProductOverviewModel { Id = productId }, _cache.Stamp(Key(customerId, productId)), TimeSpan.FromMinutes(5));

    private IEnumerable<(int Customer, int Product)> Kept() =>
        new[] { (42, 7), (42, 8), (43, 7), (43, 8) }.Where(pair => _cache.TryGet(Key(pair.Item1, pair.Item2), out _));

    [Test]
    public async Task ProductLevelChangesMakeOnlyThatProductStale()
    {
        var consumer = new ProductBoxProductConsumer(_cache);

        await consumer.HandleEventAsync(new EntityUpdatedEvent<TierPrice>(new TierPrice { ProductId = 7 }));

        Kept().Should().BeEquivalentTo(new[] { (42, 8), (43, 8) });
    }

    [TestCase(nameof(Product), true)]
    [TestCase("Category", false)]
    public async Task ATranslationMattersOnlyWhenItIsAProducts(string localeKeyGroup, bool stale)
    {
        var consumer = new ProductBoxProductConsumer(_cache);

        await consumer.HandleEventAsync(new EntityUpdatedEvent<LocalizedProperty>(new LocalizedProperty { EntityId = 7, LocaleKeyGroup = localeKeyGroup }));
        await consumer.HandleEventAsync(new EntityUpdatedEvent<UrlRecord>(new UrlRecord { EntityId = 8, EntityName = localeKeyGroup }));

        Kept().Should().HaveCount(stale ? 0 : 4);
    }

    [Test]
    public async Task ADiscountGivenToAProductMakesItStale()
    {
        await new ProductBoxProductConsumer(_cache).HandleEventAsync(new EntityInsertedEvent<DiscountProductMapping>(new DiscountProductMapping { EntityId = 8 }));

        Kept().Should().BeEquivalentTo(new[] { (42, 7), (43, 7) });
    }

    [Test]
    public async Task ACartChangeMakesOnlyThatCustomersBoxesStale()
    {
        var consumer = new ProductBoxCustomerConsumer(_cache);

        await consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(new ShoppingCartItem { CustomerId = 42, ProductId = 99 }));

        Kept().Should().BeEquivalentTo(new[] { (43, 7), (43, 8) });
    }

    [Test]
    public async Task ARoleGivenToACustomerOrAnOrderTheyPlacedMakesTheirBoxesStale()
    {
        var consumer = new ProductBoxCustomerConsumer(_cache);

        await consumer.HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(new CustomerCustomerRoleMapping { CustomerId = 42 }));
        await consumer.HandleEventAsync(new OrderPlacedEvent(new Order { CustomerId = 43 }));

        Kept().Should().BeEmpty();
    }

    [Test]
    public async Task ASettingOrADiscountMakesEveryBoxStale()
    {
        await new ProductBoxShopConsumer(_cache).HandleEventAsync(new EntityUpdatedEvent<Setting>(new Setting("taxsettings.taxdisplaytype", "10")));
        Kept().Should().BeEmpty();

        Add(42, 7);
        await new ProductBoxShopConsumer(_cache).HandleEventAsync(new EntityUpdatedEvent<Discount>(new Discount { Id = 1 }));
        Kept().Should().BeEmpty();
    }
}

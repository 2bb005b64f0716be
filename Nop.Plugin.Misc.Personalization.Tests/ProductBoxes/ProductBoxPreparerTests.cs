using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Tax;
using Nop.Plugin.Misc.Personalization.Services.ProductBoxes;
using Nop.Web.Factories;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.ProductBoxes;

[TestFixture]
public class ProductBoxPreparerTests
{
    private readonly Customer _alice = new() { Id = 42 };
    private readonly Customer _bob = new() { Id = 43 };
    private List<int> _prepared;
    private Mock<IProductModelFactory> _factory;
    private Mock<IWorkContext> _workContext;
    private FakeTimeProvider _time;
    private ProductBoxCache _cache;
    private PersonalizationSettings _settings;
    private Func<int, bool> _factoryLeavesOut;

    [SetUp]
    public void SetUp()
    {
        _prepared = [];
        _factoryLeavesOut = _ => false;
        _factory = new Mock<IProductModelFactory>();
        _factory.Setup(f => f.PrepareProductOverviewModelsAsync(It.IsAny<IEnumerable<Product>>(), true, true, null, false, false))
            .ReturnsAsync((IEnumerable<Product> products, bool _, bool _, int? _, bool _, bool _) =>
            {
                var list = products.ToList();
                _prepared.AddRange(list.Select(p => p.Id));
                return list.Where(p => !_factoryLeavesOut(p.Id)).Select(p => new ProductOverviewModel { Id = p.Id, Name = $"product {p.Id}" }).ToList();
            });
        _workContext = new Mock<IWorkContext>();
        _workContext.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(new Language { Id = 1 });
        _workContext.Setup(w => w.GetWorkingCurrencyAsync()).ReturnsAsync(new Currency { Id = 1 });
        _workContext.Setup(w => w.GetTaxDisplayTypeAsync()).ReturnsAsync(TaxDisplayType.IncludingTax);
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        _cache = new ProductBoxCache(_time);
        _settings = PersonalizationSettings.Defaults();
    }

    private ProductBoxPreparer Preparer() => new(_cache, _factory.Object, _settings, _workContext.Object);

    private static List<Product> Products(params int[] ids) => ids.Select(id => new Product { Id = id }).ToList();

    [Test]
    public async Task TheSameShopperSeeingTheSameProductsAgainCostsNoPreparation()
    {
        var first = await Preparer().PrepareAsync(Products(1, 2, 3), _alice, 1);
        _prepared.Clear();

        var again = await Preparer().PrepareAsync(Products(1, 2, 3), _alice, 1);

        _prepared.Should().BeEmpty();
        again.Should().Equal(first, (a, b) => ReferenceEquals(a, b));
    }

    [Test]
    public async Task OnlyTheProductsNotSeenBeforeArePreparedAndTheOrderIsKept()
    {
        await Preparer().PrepareAsync(Products(1, 2), _alice, 1);
        _prepared.Clear();

        var boxes = await Preparer().PrepareAsync(Products(3, 2, 1, 4), _alice, 1);

        _prepared.Should().Equal(3, 4);
        boxes.Select(b => b.Id).Should().Equal(3, 2, 1, 4);
    }

    [Test]
    public async Task AnotherShopperGetsBoxesPreparedForThem()
    {
        await Preparer().PrepareAsync(Products(1, 2), _alice, 1);
        _prepared.Clear();

        await Preparer().PrepareAsync(Products(1, 2), _bob, 1);

        _prepared.Should().Equal(1, 2);
    }

    [Test]
    public async Task AnotherLanguageOrCurrencyGetsBoxesPreparedAgain()
    {
        await Preparer().PrepareAsync(Products(1), _alice, 1);
        _prepared.Clear();

        _workContext.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(new Language { Id = 2 });
        await Preparer().PrepareAsync(Products(1), _alice, 1);
        _workContext.Setup(w => w.GetWorkingCurrencyAsync()).ReturnsAsync(new Currency { Id = 2 });
        await Preparer().PrepareAsync(Products(1), _alice, 1);

        _prepared.Should().Equal(1, 1);
    }

    [Test]
    public async Task AChangedProductIsPreparedAgain()
    {
        await Preparer().PrepareAsync(Products(1, 2), _alice, 1);
        _prepared.Clear();

        _cache.ProductChanged(2);
        await Preparer().PrepareAsync(Products(1, 2), _alice, 1);

        _prepared.Should().Equal(2);
    }

    [Test]
    public async Task BoxesArePreparedAgainAfterTheSetLifetime()
    {
        _settings.ProductBoxCacheMinutes = 2;
        await Preparer().PrepareAsync(Products(1), _alice, 1);
        _prepared.Clear();

        _time.Advance(TimeSpan.FromMinutes(2));
        await Preparer().PrepareAsync(Products(1), _alice, 1);

        _prepared.Should().Equal(1);
    }

    [Test]
    public async Task ZeroMinutesPreparesEveryBoxOnEveryPage()
    {
        _settings.ProductBoxCacheMinutes = 0;
        await Preparer().PrepareAsync(Products(1, 2), _alice, 1);

        await Preparer().PrepareAsync(Products(1, 2), _alice, 1);

        _prepared.Should().Equal(1, 2, 1, 2);
        _cache.Count.Should().Be(0);
    }

    [Test]
    public async Task AProductTheFactoryLeavesOutIsLeftOutAndNotRemembered()
    {
        _factoryLeavesOut = id => id == 2;

        var boxes = await Preparer().PrepareAsync(Products(1, 2, 3), _alice, 1);

        boxes.Select(b => b.Id).Should().Equal(1, 3);
        _cache.Count.Should().Be(2);
    }
}

using Moq;
using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Tests.Customers;

[TestFixture]
public class PriceBandNamesTests
{
    private readonly Currency _euro = new() { Id = 2 };
    private PersonalizationInsightsState _state;

    [SetUp]
    public void SetUp() => _state = new PersonalizationInsightsState { PriceBandBounds = "25;60" };

    private PriceBandNames Names()
    {
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationInsightsState>(0)).ReturnsAsync(() => _state);
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(PriceBandNames.UP_TO)).ReturnsAsync("up to {0}");
        localization.Setup(l => l.GetResourceAsync(PriceBandNames.BETWEEN)).ReturnsAsync("{0}–{1}");
        localization.Setup(l => l.GetResourceAsync(PriceBandNames.OVER)).ReturnsAsync("over {0}");
        localization.Setup(l => l.GetResourceAsync(CustomerInsightResources.PRICE_BAND)).ReturnsAsync("price band {0} of {1}");
        //the working currency is worth twice the primary one
        var currencies = new Mock<ICurrencyService>();
        currencies.Setup(c => c.ConvertFromPrimaryStoreCurrencyAsync(It.IsAny<decimal>(), _euro)).ReturnsAsync((decimal amount, Currency _) => amount * 2);
        var formatter = new Mock<IPriceFormatter>();
        formatter.Setup(f => f.FormatPriceAsync(It.IsAny<decimal>(), true, _euro)).ReturnsAsync((decimal price, bool _, Currency _) => $"€{price:0.00}");
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetWorkingCurrencyAsync()).ReturnsAsync(_euro);
        return new PriceBandNames(currencies.Object, localization.Object, formatter.Object, settings.Object, workContext.Object);
    }

    [TestCase(1, "up to €50.00")]
    [TestCase(2, "€50.00–€120.00")]
    [TestCase(3, "over €120.00")]
    public async Task ABandReadsAsItsPriceRangeInTheWorkingCurrency(int band, string expected)
    {
        (await Names().NameOfAsync(band)).Should().Be(expected);
    }

    [Test]
    public async Task BeforeAnyRunStoredTheCutPointsABandKeepsItsNumber()
    {
        _state = new PersonalizationInsightsState();

        (await Names().NameOfAsync(3)).Should().Be("price band 3 of 5");
    }

    [Test]
    public async Task ABandTheStoredCutPointsDoNotHaveKeepsItsNumber()
    {
        (await Names().NameOfAsync(5)).Should().Be("price band 5 of 5");
    }
}

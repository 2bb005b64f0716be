using Moq;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Services.Customers;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Tests.Search;

/// <summary>
/// The configuration page's "search as a customer": the customer's first results beside those of an unknown shopper,
/// through the provider's own code, and a clear message for each mistake.
/// </summary>
[TestFixture]
public class SearchPreviewTests
{
    private const int FRUIT_LOVER = 42;
    private const int COMPUTER_LOVER = 43;

    private SearchScenario _scenario;
    private Mock<ICustomerService> _customers;

    [SetUp]
    public void SetUp()
    {
        //the admin's own request: the work context's customer is the admin, who has no history
        _scenario = new SearchScenario().AsCustomer(1);
        _scenario.History.Setup(h => h.Get(1, FRUIT_LOVER)).Returns(SearchScenario.LoverOf(SearchScenario.FRUIT, FRUIT_LOVER));
        _scenario.History.Setup(h => h.Get(1, COMPUTER_LOVER)).Returns(SearchScenario.LoverOf(SearchScenario.COMPUTERS, COMPUTER_LOVER));
        _customers = new Mock<ICustomerService>();
        _customers.Setup(c => c.GetCustomerByIdAsync(FRUIT_LOVER)).ReturnsAsync(new Customer { Id = FRUIT_LOVER, Email = "fruit@shop.test" });
        _customers.Setup(c => c.GetCustomerByEmailAsync("computers@shop.test")).ReturnsAsync(new Customer { Id = COMPUTER_LOVER, Email = "computers@shop.test" });
        _customers.Setup(c => c.GetCustomerByIdAsync(99)).ReturnsAsync(new Customer { Id = 99, Deleted = true });
    }

    [Test]
    public async Task EachCustomerSeesTheirOwnOrderBesideTheOrderForAnUnknownShopper()
    {
        var fruit = await Preview().PrepareAsync("apple", FRUIT_LOVER.ToString());
        var computers = await Preview().PrepareAsync(" apple ", " computers@shop.test ");
        var anyone = await _scenario.Search().SearchForAsync("apple", false, null, 1);

        fruit.Error.Should().BeNull();
        fruit.ForCustomer[0].ProductId.Should().Be(2, "a fruit lover gets the fruit first");
        fruit.ForCustomer[0].Name.Should().Be("Product 2");
        computers.ForCustomer.Take(2).Select(item => item.ProductId).Should().BeEquivalentTo([1, 3]);
        computers.Customer.Should().Be("computers@shop.test (#43)");
        fruit.ForAnyone.Select(item => item.ProductId).Should().Equal(anyone);
        computers.ForAnyone.Should().BeEquivalentTo(fruit.ForAnyone, options => options.WithStrictOrdering());
    }

    [Test]
    public async Task TheCustomersConsentIsRespectedAsOnTheStorefront()
    {
        _scenario.Consent.Setup(c => c.MayIdentifyAsync(It.Is<Customer>(customer => customer.Id == FRUIT_LOVER), 1)).ReturnsAsync(false);

        var fruit = await Preview().PrepareAsync("apple", FRUIT_LOVER.ToString());

        fruit.ForCustomer.Should().BeEquivalentTo(fruit.ForAnyone, options => options.WithStrictOrdering());
        _scenario.History.Verify(h => h.Get(1, FRUIT_LOVER), Times.Never);
    }

    [TestCase("", "42", "Plugins.Misc.Personalization.SearchPreview.NoWords")]
    [TestCase("   ", "42", "Plugins.Misc.Personalization.SearchPreview.NoWords")]
    [TestCase("apple", "", "Plugins.Misc.Personalization.SearchPreview.UnknownCustomer")]
    [TestCase("apple", "7", "Plugins.Misc.Personalization.SearchPreview.UnknownCustomer")]
    [TestCase("apple", "99", "Plugins.Misc.Personalization.SearchPreview.UnknownCustomer")]
    [TestCase("apple", "nobody@shop.test", "Plugins.Misc.Personalization.SearchPreview.UnknownCustomer")]
    public async Task AMistakeGetsAMessageAndNoResults(string words, string customer, string message)
    {
        var preview = await Preview().PrepareAsync(words, customer);

        preview.Error.Should().Be(message);
        preview.ForCustomer.Should().BeEmpty();
        preview.ForAnyone.Should().BeEmpty();
    }

    [Test]
    public async Task WordsLongerThanTheLimitAreRefused()
    {
        var preview = await Preview().PrepareAsync(new string('a', SearchPreview.MAX_WORDS_LENGTH + 1), FRUIT_LOVER.ToString());

        preview.Error.Should().Be("Plugins.Misc.Personalization.SearchPreview.TooLong");
    }

    [Test]
    public async Task BeforeTheIndexIsBuiltTheOwnerIsToldToWait()
    {
        _scenario = new SearchScenario(buildIndex: false);

        var preview = await Preview().PrepareAsync("apple", FRUIT_LOVER.ToString());

        preview.Error.Should().Be("Plugins.Misc.Personalization.SearchPreview.NotReady");
    }

    private SearchPreview Preview()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        var names = new Mock<ShopNames>(null, null, null, null);
        names.Setup(n => n.ProductsAsync(It.IsAny<IReadOnlyCollection<int>>()))
            .ReturnsAsync((IReadOnlyCollection<int> ids) => ids.ToDictionary(id => id, id => $"Product {id}"));
        return new SearchPreview(_customers.Object, localization.Object, _scenario.Search(), names.Object, _scenario.StoreContext.Object);
    }
}

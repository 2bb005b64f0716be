using Nop.Plugin.Misc.Personalization.Services.Replenishment;

namespace Nop.Plugin.Misc.Personalization.Tests.Replenishment;

[TestFixture]
public class ReplenishmentEmailTokensTests
{
    [Test]
    public void TokensAreReplacedCaseInsensitivelyAndEncodedInTheBodyUnlessMarkedAsMarkup()
    {
        var tokens = new ReplenishmentEmailTokens()
            .Add("Customer.FullName", "Ann <b>")
            .Add("Personalization.ReplenishmentProducts", "<ul></ul>", neverEncoded: true);

        tokens.Replace("Hi %customer.fullname% %Personalization.ReplenishmentProducts%", htmlEncode: true)
            .Should().Be("Hi Ann &lt;b&gt; <ul></ul>");
        tokens.Replace("Hi %Customer.FullName%", htmlEncode: false).Should().Be("Hi Ann <b>");
    }

    [Test]
    public void TheProductListLinksProductsWithAPageAndEncodesNames()
    {
        var html = ReplenishmentEmailTokens.ProductList([
            new ReplenishmentProduct(1, "Coffee & beans", "https://shop.test/coffee"),
            new ReplenishmentProduct(2, "Filters", null)
        ]);

        html.Should().Be("<ul><li><a href=\"https://shop.test/coffee\">Coffee &amp; beans</a></li><li>Filters</li></ul>");
    }
}

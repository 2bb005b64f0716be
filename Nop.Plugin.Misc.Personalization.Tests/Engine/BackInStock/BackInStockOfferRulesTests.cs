using Nop.Plugin.Misc.Personalization.Engine.BackInStock;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.BackInStock;

[TestFixture]
public class BackInStockOfferRulesTests
{
    private static readonly DateTime _offered = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public void AnOfferLivesItsDaysUnlessTheCustomerLooksAtOrBuysTheProductAfterIt()
    {
        var expires = BackInStockOfferRules.ExpiresOn(_offered, 14);
        expires.Should().Be(_offered.AddDays(14));

        BackInStockOfferRules.IsLive(_offered, expires, null, _offered.AddDays(13)).Should().BeTrue();
        BackInStockOfferRules.IsLive(_offered, expires, null, expires).Should().BeFalse("its days ran out");
        BackInStockOfferRules.IsLive(_offered, expires, _offered.AddDays(-1), _offered.AddDays(2)).Should().BeTrue("interest before the offer is why it was made");
        BackInStockOfferRules.IsLive(_offered, expires, _offered.AddHours(1), _offered.AddDays(2)).Should().BeFalse("the customer has seen it is back");
    }

    [Test]
    public void AnOfferLastsAtLeastADay()
    {
        BackInStockOfferRules.ExpiresOn(_offered, 0).Should().Be(_offered.AddDays(1));
    }
}

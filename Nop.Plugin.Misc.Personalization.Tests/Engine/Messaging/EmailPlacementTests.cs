using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Messaging;

[TestFixture]
public class EmailPlacementTests
{
    [Test]
    public void SendsAndEngagementRoundTrip()
    {
        EmailPlacement.Sent(EmailKind.AbandonedCart).Should().Be("email:2");
        EmailPlacement.Parse(EmailPlacement.Sent(EmailKind.AbandonedCart)).Should().Be((EmailKind.AbandonedCart, 0));
        EmailPlacement.Of(EmailKind.Replenishment, 123).Should().Be("email:1:123");
        EmailPlacement.Parse("email:1:123").Should().Be((EmailKind.Replenishment, 123));
    }

    [TestCase(null)]
    [TestCase("7")]
    [TestCase("email:")]
    [TestCase("email:9")]
    [TestCase("email:1:0")]
    [TestCase("email:1:-4")]
    [TestCase("email:1:2:3")]
    [TestCase("email:x:1")]
    public void WidgetPlacementsAndMalformedTextAreNotEmails(string placement)
    {
        EmailPlacement.Parse(placement).Should().BeNull();
    }
}

using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.AbandonedCarts;

[TestFixture]
public class CartReturnRulesTests
{
    private static readonly CartLine[] _lines = [new(10, string.Empty, 1)];
    private static readonly EmailLinkSubject _signed = new(42, 3) { State = CartFingerprint.BytesOf(_lines) };

    [Test]
    public void TheSignedCustomersOwnBrowserSeesTheCartAndAnyOtherIsAskedToSignIn()
    {
        CartReturnRules.Decide(_signed, 3, 42).Should().Be(CartReturnAction.ShowCart);
        CartReturnRules.Decide(_signed, 3, 7).Should().Be(CartReturnAction.SignInForCart);
        CartReturnRules.Decide(_signed, 3, 0).Should().Be(CartReturnAction.SignInForCart);
    }

    [Test]
    public void NoSubjectAnotherStoreOrNoSignedStateIsInvalid()
    {
        CartReturnRules.Decide(null, 3, 42).Should().Be(CartReturnAction.Invalid);
        CartReturnRules.Decide(_signed, 4, 42).Should().Be(CartReturnAction.Invalid);
        CartReturnRules.Decide(new EmailLinkSubject(42, 3), 3, 42).Should().Be(CartReturnAction.Invalid);
    }

    [Test]
    public void ALinkIsStaleWhenTheCartChangedSinceTheEmail()
    {
        CartReturnRules.IsStale(_signed, _lines).Should().BeFalse();
        CartReturnRules.IsStale(_signed, [new CartLine(10, string.Empty, 2)]).Should().BeTrue();
        CartReturnRules.IsStale(_signed, []).Should().BeTrue();
    }
}

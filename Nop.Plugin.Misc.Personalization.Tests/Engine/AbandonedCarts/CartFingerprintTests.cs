using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.AbandonedCarts;

[TestFixture]
public class CartFingerprintTests
{
    private static readonly CartLine _shoes = new(10, string.Empty, 1);
    private static readonly CartLine _socks = new(11, "<Attributes><Size>42</Size></Attributes>", 3);

    [Test]
    public void TheOrderOfTheLinesDoesNotMatter()
    {
        CartFingerprint.Of([_shoes, _socks]).Should().Be(CartFingerprint.Of([_socks, _shoes]));
    }

    [Test]
    public void AnyAddedRemovedOrChangedLineGivesAnotherFingerprint()
    {
        var before = CartFingerprint.Of([_shoes, _socks]);

        new[]
        {
            CartFingerprint.Of([_shoes]),
            CartFingerprint.Of([_shoes, _socks, new CartLine(12, string.Empty, 1)]),
            CartFingerprint.Of([_shoes, _socks with { Quantity = 4 }]),
            CartFingerprint.Of([_shoes, _socks with { Attributes = "<Attributes><Size>43</Size></Attributes>" }])
        }.Should().NotContain(before).And.OnlyHaveUniqueItems();
    }

    [Test]
    public void AttributesCannotPassForALineBoundary()
    {
        //one line whose attribute text looks like the encoding of two lines
        CartFingerprint.Of([new CartLine(10, "x\n11|1|0|", 1)]).Should().NotBe(CartFingerprint.Of([new CartLine(10, "x", 1), new CartLine(11, string.Empty, 1)]));
    }

    [Test]
    public void NullAttributesCountAsNone()
    {
        CartFingerprint.Of([new CartLine(10, null, 1)]).Should().Be(CartFingerprint.Of([new CartLine(10, string.Empty, 1)]));
    }

    [Test]
    public void AStoredFingerprintParsesBackToItsBytes()
    {
        var bytes = CartFingerprint.BytesOf([_shoes]);

        CartFingerprint.Of([_shoes]).Should().HaveLength(CartFingerprint.LENGTH);
        CartFingerprint.Parse(CartFingerprint.Format(bytes)).Should().Equal(bytes);
        CartFingerprint.Parse("not hex at all!!").Should().BeNull();
        CartFingerprint.Parse("abc").Should().BeNull();
    }
}

using System.Buffers.Text;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Messaging;

[TestFixture]
public class EmailTrackingCodecTests
{
    private static readonly byte[] _key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly EmailTrackingCodec _codec = new(_key);
    private static readonly EmailTrackingSubject _productClick = new(EmailKind.Replenishment, 9001, 42, 3, EmailTarget.Product, 77);

    [Test]
    public void AnIssuedTokenSaysWhichEmailRecipientStoreAndTarget()
    {
        _codec.Check(_codec.Issue(_productClick)).Should().Be(_productClick);

        var open = new EmailTrackingSubject(EmailKind.ShopMessage, 5, 0, 1, EmailTarget.Open, 0);
        _codec.Check(_codec.Issue(open)).Should().Be(open);
        var cart = new EmailTrackingSubject(EmailKind.AbandonedCart, 6, 8, 0, EmailTarget.Cart, 0);
        _codec.Check(_codec.Issue(cart)).Should().Be(cart);
    }

    [TestCase(1, 2, "another kind")]
    [TestCase(2, 3, "another target")]
    [TestCase(6, 1, "another e-mail")]
    [TestCase(10, 43, "another customer")]
    [TestCase(14, 4, "another store")]
    [TestCase(18, 78, "another product")]
    public void AnyFieldRewrittenInTheTokenFailsTheSignature(int index, int value, string because)
    {
        var bytes = Base64Url.DecodeFromChars(_codec.Issue(_productClick));
        bytes[index] = (byte)value;

        _codec.Check(Base64Url.EncodeToString(bytes)).Should().BeNull(because);
    }

    [Test]
    public void AFlippedMacBitOrATruncatedOrLengthenedTokenIsRefused()
    {
        var token = _codec.Issue(_productClick);
        var bytes = Base64Url.DecodeFromChars(token);
        bytes[^1] ^= 1;

        _codec.Check(Base64Url.EncodeToString(bytes)).Should().BeNull();
        _codec.Check(token[..^2]).Should().BeNull();
        _codec.Check(token + "AA").Should().BeNull();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not a token")]
    [TestCase("https://evil.example/")]
    public void GarbageIsRefusedWithoutThrowing(string token)
    {
        _codec.Check(token).Should().BeNull();
    }

    [Test]
    public void ATokenSignedWithAnotherKeyIsRefused()
    {
        var other = new EmailTrackingCodec(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray());

        other.Check(_codec.Issue(_productClick)).Should().BeNull();
    }

    [Test]
    public void NeitherAnOptOutLinkNorAWidgetClickTokenPassesAsATrackingToken()
    {
        var optOut = new EmailLinkCodec(_key).Issue(EmailLinkPurpose.StopReminders, 42, 3);
        var widget = new ClickTokenCodec(_key).Issue(7, [77], Guid.NewGuid(), new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc));

        _codec.Check(optOut).Should().BeNull();
        _codec.Check(widget).Should().BeNull();
    }

    [Test]
    public void AProductLinkNeedsAProductAndOtherTargetsNone()
    {
        FluentActions.Invoking(() => _codec.Issue(_productClick with { TargetId = 0 })).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => _codec.Issue(_productClick with { Target = EmailTarget.Cart })).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => _codec.Issue(_productClick with { EmailId = 0 })).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => _codec.Issue(_productClick with { Kind = (EmailKind)99 })).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void AShortKeyIsRefused()
    {
        FluentActions.Invoking(() => new EmailTrackingCodec(new byte[EmailTrackingCodec.MIN_KEY_BYTES - 1])).Should().Throw<ArgumentException>();
    }
}

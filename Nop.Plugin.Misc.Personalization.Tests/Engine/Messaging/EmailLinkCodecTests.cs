using System.Buffers.Text;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Messaging;

[TestFixture]
public class EmailLinkCodecTests
{
    private static readonly byte[] _key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly EmailLinkCodec _codec = new(_key);

    [Test]
    public void AnIssuedLinkNamesItsCustomerAndStore()
    {
        var token = _codec.Issue(EmailLinkPurpose.StopReminders, 42, 3);

        _codec.Check(token, EmailLinkPurpose.StopReminders).Should().Be(new EmailLinkSubject(42, 3));
    }

    [Test]
    public void ALinkForOnePurposeNeverServesTheOther()
    {
        var stop = _codec.Issue(EmailLinkPurpose.StopReminders, 42, 3);
        var unsubscribe = _codec.Issue(EmailLinkPurpose.NewsletterUnsubscribe, 42, 3);

        _codec.Check(stop, EmailLinkPurpose.NewsletterUnsubscribe).Should().BeNull();
        _codec.Check(unsubscribe, EmailLinkPurpose.StopReminders).Should().BeNull();
    }

    [Test]
    public void AnotherCustomersIdWrittenIntoTheTokenDoesNotValidate()
    {
        var bytes = Base64Url.DecodeFromChars(_codec.Issue(EmailLinkPurpose.StopReminders, 42, 3));
        bytes[5] = 43;

        _codec.Check(Base64Url.EncodeToString(bytes), EmailLinkPurpose.StopReminders).Should().BeNull();
    }

    [Test]
    public void ATokenSignedWithAnotherKeyDoesNotValidate()
    {
        var other = new EmailLinkCodec(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray());

        _codec.Check(other.Issue(EmailLinkPurpose.StopReminders, 42, 3), EmailLinkPurpose.StopReminders).Should().BeNull();
    }

    [Test]
    public void AClickTokenOfTheSameKeyIsNoEmailLink()
    {
        var click = new ClickTokenCodec(_key).Issue(7, [42, 3], Guid.NewGuid(), DateTime.UtcNow);

        _codec.Check(click, EmailLinkPurpose.StopReminders).Should().BeNull();
        _codec.Check(click, EmailLinkPurpose.NewsletterUnsubscribe).Should().BeNull();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not a token at all!")]
    [TestCase("AQEAAAAqAAAAAwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void GarbageIsRefusedWithoutThrowing(string token)
    {
        _codec.Check(token, EmailLinkPurpose.StopReminders).Should().BeNull();
    }

    [Test]
    public void AShortKeyIsRefused()
    {
        var build = () => new EmailLinkCodec(new byte[8]);

        build.Should().Throw<ArgumentException>();
    }
}

using System.Buffers.Text;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Messaging;

/// <summary>Version 2 tokens: the link also vouches for a state (a cart's fingerprint); version 1 tokens stay valid.</summary>
[TestFixture]
public class EmailLinkCodecStateTests
{
    private static readonly byte[] _key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] _state = [1, 2, 3, 4, 5, 6, 7, 8];
    private readonly EmailLinkCodec _codec = new(_key);

    [Test]
    public void AStateLinkNamesItsCustomerStoreAndState()
    {
        var subject = _codec.Check(_codec.Issue(EmailLinkPurpose.RestoreCart, 42, 3, _state), EmailLinkPurpose.RestoreCart);

        (subject.CustomerId, subject.StoreId).Should().Be((42, 3));
        subject.State.Should().Equal(_state);
    }

    [Test]
    public void AVersionOneLinkStillChecksAndCarriesNoState()
    {
        var subject = _codec.Check(_codec.Issue(EmailLinkPurpose.StopReminders, 42, 3), EmailLinkPurpose.StopReminders);

        subject.Should().Be(new EmailLinkSubject(42, 3));
        subject.State.Should().BeNull();
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(6)]
    [TestCase(10)]
    [TestCase(17)]
    [TestCase(49)]
    public void AnyChangedByteIsRefused(int index)
    {
        var bytes = Base64Url.DecodeFromChars(_codec.Issue(EmailLinkPurpose.RestoreCart, 42, 3, _state));
        bytes[index] ^= 0x01;

        _codec.Check(Base64Url.EncodeToString(bytes), EmailLinkPurpose.RestoreCart).Should().BeNull();
    }

    [Test]
    public void AnotherStateCannotBeSwappedIn()
    {
        var bytes = Base64Url.DecodeFromChars(_codec.Issue(EmailLinkPurpose.RestoreCart, 42, 3, _state));
        var other = Base64Url.DecodeFromChars(_codec.Issue(EmailLinkPurpose.RestoreCart, 42, 3, [9, 9, 9, 9, 9, 9, 9, 9]));
        other.AsSpan(10, 8).CopyTo(bytes.AsSpan(10));

        _codec.Check(Base64Url.EncodeToString(bytes), EmailLinkPurpose.RestoreCart).Should().BeNull();
    }

    [Test]
    public void ALinkForOnePurposeOrKeyNeverServesAnother()
    {
        var token = _codec.Issue(EmailLinkPurpose.RestoreCart, 42, 3, _state);

        _codec.Check(token, EmailLinkPurpose.StopReminders).Should().BeNull();
        new EmailLinkCodec(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray()).Check(token, EmailLinkPurpose.RestoreCart).Should().BeNull();
    }

    [Test]
    public void AVersionOneTokenRelabelledAsVersionTwoIsRefused()
    {
        var bytes = Base64Url.DecodeFromChars(_codec.Issue(EmailLinkPurpose.RestoreCart, 42, 3));
        bytes[0] = 2;

        _codec.Check(Base64Url.EncodeToString(bytes), EmailLinkPurpose.RestoreCart).Should().BeNull();
    }

    [Test]
    public void AStateOfTheWrongLengthIsNotIssued()
    {
        FluentActions.Invoking(() => _codec.Issue(EmailLinkPurpose.RestoreCart, 42, 3, new byte[7])).Should().Throw<ArgumentException>();
    }
}

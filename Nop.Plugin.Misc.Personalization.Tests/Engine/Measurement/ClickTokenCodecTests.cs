using System.Buffers.Text;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Measurement;

[TestFixture]
public class ClickTokenCodecTests
{
    private static readonly DateTime _issued = new(2026, 3, 2, 10, 15, 30, DateTimeKind.Utc);
    private static readonly Guid _customer = Guid.Parse("c56a4180-65aa-42ec-a945-5fd21dec0538");
    private static readonly TimeSpan _lifetime = TimeSpan.FromHours(2);
    private static readonly int[] _shown = [11, 22, 33];

    private ClickTokenCodec _codec;
    private string _token;

    [SetUp]
    public void SetUp()
    {
        _codec = new ClickTokenCodec(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        _token = _codec.Issue(5, _shown, _customer, _issued);
    }

    [Test]
    public void EveryShownProductValidatesForTheSameCustomerAndPlacement()
    {
        foreach (var product in _shown)
            _codec.Check(_token, 5, product, _customer, _issued.AddMinutes(1), _lifetime).Should().Be(ClickTokenCheck.Valid);
    }

    [Test]
    public void TokenIsUrlSafe()
    {
        _token.Should().MatchRegex("^[A-Za-z0-9_-]+$");
    }

    [Test]
    public void AnotherPlacementIsRejected()
    {
        _codec.Check(_token, 6, 11, _customer, _issued, _lifetime).Should().Be(ClickTokenCheck.BadSignature);
    }

    [Test]
    public void AProductThatWasNotShownIsRejected()
    {
        _codec.Check(_token, 5, 44, _customer, _issued, _lifetime).Should().Be(ClickTokenCheck.ProductNotShown);
    }

    [Test]
    public void AnotherCustomersRequestIsRejected()
    {
        _codec.Check(_token, 5, 11, Guid.NewGuid(), _issued, _lifetime).Should().Be(ClickTokenCheck.BadSignature);
    }

    [Test]
    public void AnotherKeyIsRejected()
    {
        var other = new ClickTokenCodec(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray());

        other.Check(_token, 5, 11, _customer, _issued, _lifetime).Should().Be(ClickTokenCheck.BadSignature);
    }

    [Test]
    public void AProductAddedToTheTokenIsRejected()
    {
        var bytes = Base64Url.DecodeFromChars(_token);
        //rewrite the third product id (bytes 14..17) to 44 and keep the signature
        bytes[14] = 0;
        bytes[15] = 0;
        bytes[16] = 0;
        bytes[17] = 44;
        var forged = Base64Url.EncodeToString(bytes);

        _codec.Check(forged, 5, 44, _customer, _issued, _lifetime).Should().Be(ClickTokenCheck.BadSignature);
    }

    [Test]
    public void AMovedIssueTimeIsRejected()
    {
        var bytes = Base64Url.DecodeFromChars(_token);
        bytes[4]++;

        _codec.Check(Base64Url.EncodeToString(bytes), 5, 11, _customer, _issued, _lifetime).Should().Be(ClickTokenCheck.BadSignature);
    }

    [Test]
    public void ATokenPastItsLifetimeIsRejected()
    {
        _codec.Check(_token, 5, 11, _customer, _issued.AddHours(2).AddMinutes(-1), _lifetime).Should().Be(ClickTokenCheck.Valid);
        _codec.Check(_token, 5, 11, _customer, _issued.AddHours(2).AddMinutes(1), _lifetime).Should().Be(ClickTokenCheck.Expired);
    }

    [Test]
    public void ATokenFromTheFarFutureIsRejected()
    {
        _codec.Check(_token, 5, 11, _customer, _issued.AddMinutes(-30), _lifetime).Should().Be(ClickTokenCheck.Expired);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not base64!")]
    [TestCase("AAAA")]
    [TestCase("%%%%")]
    public void GarbageIsMalformed(string token)
    {
        _codec.Check(token, 5, 11, _customer, _issued, _lifetime).Should().Be(ClickTokenCheck.Malformed);
    }

    [Test]
    public void ATruncatedTokenIsMalformed()
    {
        _codec.Check(_token[..^4], 5, 11, _customer, _issued, _lifetime).Should().Be(ClickTokenCheck.Malformed);
    }

    [Test]
    public void AnOverlongTokenIsMalformed()
    {
        _codec.Check(_token + new string('A', 2000), 5, 11, _customer, _issued, _lifetime).Should().Be(ClickTokenCheck.Malformed);
    }

    [Test]
    public void ACountThatDisagreesWithTheLengthIsMalformed()
    {
        var bytes = Base64Url.DecodeFromChars(_token);
        bytes[5] = 4;

        _codec.Check(Base64Url.EncodeToString(bytes), 5, 11, _customer, _issued, _lifetime).Should().Be(ClickTokenCheck.Malformed);
    }

    [Test]
    public void IssuingRefusesWhatCannotBeSigned()
    {
        FluentActions.Invoking(() => _codec.Issue(5, [], _customer, _issued)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => _codec.Issue(5, [1, 0], _customer, _issued)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => _codec.Issue(5, Enumerable.Range(1, ClickTokenCodec.MAX_PRODUCTS + 1).ToArray(), _customer, _issued))
            .Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new ClickTokenCodec(new byte[8])).Should().Throw<ArgumentException>();
    }

    [Test]
    public void TheLargestPlacementFitsTheTokenLimit()
    {
        var ids = Enumerable.Range(1, ClickTokenCodec.MAX_PRODUCTS).Select(i => int.MaxValue - i).ToArray();
        var token = _codec.Issue(5, ids, _customer, _issued);

        _codec.Check(token, 5, ids[^1], _customer, _issued, _lifetime).Should().Be(ClickTokenCheck.Valid);
    }
}

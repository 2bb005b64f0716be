using System.Buffers.Text;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Engine.Serving;

namespace Nop.Plugin.Misc.Personalization.Tests.AfterPage;

[TestFixture]
public class AfterPageTokenCodecTests
{
    private static readonly DateTime _now = new(2026, 12, 6, 14, 0, 0, DateTimeKind.Utc);
    private static readonly byte[] _key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly TimeSpan _lifetime = TimeSpan.FromHours(1);
    private readonly AfterPageTokenCodec _codec = new(_key);

    [Test]
    public void ATokenReadsBackAsTheSlotItWasIssuedFor()
    {
        var slot = new AfterPageSlot(7, 2, 19, 3, 1001, [5, 6, 7]);

        var token = _codec.Issue(slot, _now);

        _codec.Read(token, _now.AddMinutes(10), _lifetime).Should().BeEquivalentTo(slot);
        token.Should().MatchRegex("^[A-Za-z0-9_-]+$", "it travels in a URL");
    }

    [Test]
    public void AnyChangedByteMakesTheTokenWorthless()
    {
        var token = _codec.Issue(new AfterPageSlot(7, 1, 19, 0, 0, [5]), _now);
        var bytes = Base64Url.DecodeFromChars(token);

        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = bytes.ToArray();
            tampered[i] ^= 0x01;
            _codec.Read(Base64Url.EncodeToString(tampered), _now, _lifetime).Should().BeNull($"byte {i} was changed");
        }
    }

    [Test]
    public void AnotherKeyOrAClickTokenDoesNotValidate()
    {
        var token = _codec.Issue(new AfterPageSlot(7, 1, 19, 0, 0, []), _now);
        var otherKey = new AfterPageTokenCodec(_key.Select(b => (byte)(b + 1)).ToArray());
        var clickToken = new ClickTokenCodec(_key).Issue(7, [19], Guid.NewGuid(), _now);

        otherKey.Read(token, _now, _lifetime).Should().BeNull();
        _codec.Read(clickToken, _now, _lifetime).Should().BeNull();
    }

    [Test]
    public void AnExpiredTokenOrOneFromTheFutureIsRefused()
    {
        var token = _codec.Issue(new AfterPageSlot(7, 1, 19, 0, 0, []), _now);

        _codec.Read(token, _now + _lifetime + TimeSpan.FromMinutes(2), _lifetime).Should().BeNull();
        _codec.Read(token, _now - TimeSpan.FromMinutes(10), _lifetime).Should().BeNull();
        _codec.Read(token, _now - TimeSpan.FromMinutes(4), _lifetime).Should().NotBeNull("a node whose clock runs a little behind accepts it");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not a token!")]
    [TestCase("AAAA")]
    public void MalformedTokensAreRefused(string token)
    {
        _codec.Read(token, _now, _lifetime).Should().BeNull();
    }

    [Test]
    public void AnOverlongTokenIsRefusedBeforeDecoding()
    {
        _codec.Read(new string('A', 5000), _now, _lifetime).Should().BeNull();
    }

    [Test]
    public void OnlyTheFirstSixtyFourShownProductsAreSignedAndNonPositiveIdsAreDropped()
    {
        var shown = Enumerable.Range(-2, 100).ToList();

        var slot = _codec.Read(_codec.Issue(new AfterPageSlot(7, 1, 0, 0, 0, shown), _now), _now, _lifetime);

        slot.AlreadyShown.Should().Equal(Enumerable.Range(1, AfterPageTokenCodec.MAX_ALREADY_SHOWN));
    }

    [Test]
    public void AShortKeyOrANegativeIdIsAProgrammingError()
    {
        FluentActions.Invoking(() => new AfterPageTokenCodec(new byte[8])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => _codec.Issue(new AfterPageSlot(0, 1, 0, 0, 0, []), _now)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => _codec.Issue(new AfterPageSlot(7, 1, -1, 0, 0, []), _now)).Should().Throw<ArgumentOutOfRangeException>();
    }
}

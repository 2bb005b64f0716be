using System.Buffers.Text;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Search;

[TestFixture]
public class SearchClickTokenCodecTests
{
    private static readonly DateTime _issued = new(2026, 3, 2, 10, 15, 30, DateTimeKind.Utc);
    private static readonly Guid _customer = Guid.Parse("c56a4180-65aa-42ec-a945-5fd21dec0538");
    private static readonly TimeSpan _lifetime = TimeSpan.FromHours(2);
    private static readonly byte[] _key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private SearchClickTokenCodec _codec;
    private string _token;

    [SetUp]
    public void SetUp()
    {
        _codec = new SearchClickTokenCodec(_key);
        _token = _codec.Issue("running shoes", _customer, _issued);
    }

    [Test]
    public void TheSameCustomerGetsTheSignedQueryBack()
    {
        _codec.Check(_token, _customer, _issued.AddMinutes(1), _lifetime).Should().Be((SearchClickTokenCheck.Valid, "running shoes"));
    }

    [Test]
    public void TokenIsUrlSafe()
    {
        _token.Should().MatchRegex("^[A-Za-z0-9_-]+$");
    }

    [Test]
    public void AQueryInAnyScriptComesBackUnchanged()
    {
        var token = _codec.Issue("chaussures de course 跑鞋 👟", _customer, _issued);

        _codec.Check(token, _customer, _issued, _lifetime).Query.Should().Be("chaussures de course 跑鞋 👟");
    }

    [Test]
    public void AnotherCustomerIsRejected()
    {
        _codec.Check(_token, Guid.NewGuid(), _issued, _lifetime).Check.Should().Be(SearchClickTokenCheck.BadSignature);
    }

    [Test]
    public void AnotherKeyIsRejected()
    {
        new SearchClickTokenCodec(_key.Reverse().ToArray()).Check(_token, _customer, _issued, _lifetime).Check
            .Should().Be(SearchClickTokenCheck.BadSignature);
    }

    [Test]
    public void AQueryChangedInTheTokenIsRejected()
    {
        var bytes = Base64Url.DecodeFromChars(_token);
        //"running" → "sunning": same length, so only the signature can tell
        bytes[7] = (byte)'s';

        var (check, query) = _codec.Check(Base64Url.EncodeToString(bytes), _customer, _issued, _lifetime);

        check.Should().Be(SearchClickTokenCheck.BadSignature);
        query.Should().BeNull("a refused token names no query");
    }

    [Test]
    public void AnIssueTimeMovedInTheTokenIsRejected()
    {
        var bytes = Base64Url.DecodeFromChars(_token);
        bytes[4]++;

        _codec.Check(Base64Url.EncodeToString(bytes), _customer, _issued, _lifetime).Check.Should().Be(SearchClickTokenCheck.BadSignature);
    }

    [Test]
    public void AChangedSignatureIsRejected()
    {
        var bytes = Base64Url.DecodeFromChars(_token);
        bytes[^1] ^= 1;

        _codec.Check(Base64Url.EncodeToString(bytes), _customer, _issued, _lifetime).Check.Should().Be(SearchClickTokenCheck.BadSignature);
    }

    [Test]
    public void AnOldTokenOrOneFromTheFarFutureIsExpired()
    {
        _codec.Check(_token, _customer, _issued + _lifetime + TimeSpan.FromMinutes(2), _lifetime).Check.Should().Be(SearchClickTokenCheck.Expired);
        _codec.Check(_token, _customer, _issued - TimeSpan.FromHours(1), _lifetime).Check.Should().Be(SearchClickTokenCheck.Expired);
        _codec.Check(_token, _customer, _issued - TimeSpan.FromMinutes(3), _lifetime).Check.Should().Be(SearchClickTokenCheck.Valid,
            "a node whose clock is a little behind still accepts it");
    }

    [Test]
    public void AWidgetsClickTokenDoesNotPassForASearchClickToken()
    {
        var widgetToken = new ClickTokenCodec(_key).Issue(5, [11, 22], _customer, _issued);

        _codec.Check(widgetToken, _customer, _issued, _lifetime).Check.Should().NotBe(SearchClickTokenCheck.Valid);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not/base64+")]
    [TestCase("AAAA")]
    public void MalformedTokensAreRejected(string token)
    {
        _codec.Check(token, _customer, _issued, _lifetime).Check.Should().Be(SearchClickTokenCheck.Malformed);
    }

    [Test]
    public void ALengthThatDisagreesWithTheTokenIsMalformed()
    {
        var bytes = Base64Url.DecodeFromChars(_token);
        bytes[6]++;

        _codec.Check(Base64Url.EncodeToString(bytes), _customer, _issued, _lifetime).Check.Should().Be(SearchClickTokenCheck.Malformed);
    }

    [Test]
    public void AnOverlongTokenIsRejectedBeforeDecoding()
    {
        _codec.Check(new string('A', 5000), _customer, _issued, _lifetime).Check.Should().Be(SearchClickTokenCheck.Malformed);
    }

    [Test]
    public void AQueryTooLongToSignIsRefused()
    {
        _codec.Invoking(codec => codec.Issue(new string('é', SearchClickTokenCodec.MAX_QUERY_BYTES), _customer, _issued))
            .Should().Throw<ArgumentOutOfRangeException>();
    }
}

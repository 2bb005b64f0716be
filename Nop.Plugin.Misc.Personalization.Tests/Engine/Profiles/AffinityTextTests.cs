using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Profiles;

[TestFixture]
public class AffinityTextTests
{
    [Test]
    public void FormatsKindIdAndScoreWithTwoDecimals()
    {
        var text = AffinityText.Format(new[]
        {
            new Affinity(AffinityKind.Category, 12, 0.8349),
            new Affinity(AffinityKind.Manufacturer, 3, 0.41),
            new Affinity(AffinityKind.PriceBand, 2, 0.5)
        });

        text.Should().Be("c12:0.83;m3:0.41;p2:0.5");
    }

    [Test]
    public void ParsesTheCompactForm()
    {
        var affinities = AffinityText.Parse("c12:0.83;m3:0.41;p2:0.66");

        affinities.Should().Equal(
            new Affinity(AffinityKind.Category, 12, 0.83),
            new Affinity(AffinityKind.Manufacturer, 3, 0.41),
            new Affinity(AffinityKind.PriceBand, 2, 0.66));
    }

    [TestCase("")]
    [TestCase("c12:0.83")]
    [TestCase("c12:0.83;m3:0.41;p2:0.66")]
    [TestCase("c1:1;c2:0;m40000:0.07")]
    public void CanonicalTextRoundTrips(string text)
    {
        AffinityText.Format(AffinityText.Parse(text)).Should().Be(text);
    }

    [Test]
    public void AffinitiesRoundTripUpToTwoDecimals()
    {
        var random = new Random(7);
        var kinds = new[] { AffinityKind.Category, AffinityKind.Manufacturer, AffinityKind.PriceBand };
        var original = Enumerable.Range(0, 50)
            .Select(_ => new Affinity(kinds[random.Next(3)], random.Next(1, 100000), random.NextDouble()))
            .ToArray();

        var parsed = AffinityText.Parse(AffinityText.Format(original));

        parsed.Should().HaveCount(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            parsed[i].Kind.Should().Be(original[i].Kind);
            parsed[i].Id.Should().Be(original[i].Id);
            parsed[i].Score.Should().BeApproximately(original[i].Score, 0.005 + 1e-12);
        }
    }

    [TestCase("x12:0.5", "starts with 'x'")]
    [TestCase("c:0.5", "not of the form")]
    [TestCase("cab:0.5", "no valid id")]
    [TestCase("c12:abc", "no valid score")]
    [TestCase("c12:0.5;;m1:0.2", "entry 2")]
    public void RejectsMalformedTextWithAReason(string text, string reason)
    {
        AffinityText.TryParse(text, out var affinities, out var error).Should().BeFalse();

        affinities.Should().BeEmpty();
        error.Should().Contain(reason);
        FluentActions.Invoking(() => AffinityText.Parse(text)).Should().Throw<FormatException>().WithMessage($"*{reason}*");
    }

    [Test]
    public void NullTextIsNoAffinity()
    {
        AffinityText.Parse(null).Should().BeEmpty();
    }
}

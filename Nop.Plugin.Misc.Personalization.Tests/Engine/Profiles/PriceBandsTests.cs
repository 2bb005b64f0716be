using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Profiles;

[TestFixture]
public class PriceBandsTests
{
    [Test]
    public void QuintileBandsOfTenPrices()
    {
        var bands = PriceBands.FromPrices(Enumerable.Range(1, 10).Select(i => (decimal)i), 5);

        bands.Count.Should().Be(5);
        bands.UpperBounds.Should().Equal(2m, 4m, 6m, 8m);
        bands.BandOf(1m).Should().Be(1);
        bands.BandOf(2m).Should().Be(1);
        bands.BandOf(2.01m).Should().Be(2);
        bands.BandOf(8m).Should().Be(4);
        bands.BandOf(10m).Should().Be(5);
        bands.BandOf(1000m).Should().Be(5);
    }

    [Test]
    public void NonPositivePricesHaveNoBand()
    {
        var bands = PriceBands.FromPrices(new[] { 0m, -3m, 5m, 10m }, 2);

        bands.BandOf(0m).Should().Be(0);
        bands.BandOf(5m).Should().Be(1);
        bands.BandOf(10m).Should().Be(2);
    }

    [Test]
    public void RepeatedPricesGiveFewerBands()
    {
        var bands = PriceBands.FromPrices(new[] { 5m, 5m, 5m, 5m }, 5);

        bands.Count.Should().Be(1);
        bands.BandOf(5m).Should().Be(1);
    }

    [Test]
    public void EmptyCatalogHasNoBands()
    {
        var bands = PriceBands.FromPrices(Array.Empty<decimal>(), 5);

        bands.Count.Should().Be(0);
        bands.BandOf(12m).Should().Be(0);
    }

    [Test]
    public void BandsAreMonotoneInPrice()
    {
        var random = new Random(3);
        var bands = PriceBands.FromPrices(Enumerable.Range(0, 500).Select(_ => (decimal)Math.Round(random.NextDouble() * 200, 2)), 5);
        var previous = 0;

        for (var price = 0.01m; price < 250m; price += 0.37m)
        {
            var band = bands.BandOf(price);
            band.Should().BeInRange(Math.Max(1, previous), bands.Count);
            previous = band;
        }
    }

    [Test]
    public void EachBandHasThePricesBetweenItsCutPoints()
    {
        var bands = PriceBands.FromPrices([10m, 20m, 30m, 40m, 50m, 60m], 3);

        bands.UpperBounds.Should().Equal(20m, 40m);
        bands.RangeOf(1).Should().Be(((decimal?)null, (decimal?)20m));
        bands.RangeOf(2).Should().Be(((decimal?)20m, (decimal?)40m));
        bands.RangeOf(3).Should().Be(((decimal?)40m, (decimal?)null));
        bands.RangeOf(0).Should().Be(((decimal?)null, (decimal?)null));
        bands.RangeOf(4).Should().Be(((decimal?)null, (decimal?)null));
    }

    [Test]
    public void CutPointsSurviveTheirTextInAnyCulture()
    {
        var bands = PriceBands.FromPrices([9.99m, 12.5m, 25m, 60.25m, 120m, 300m], 5);
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var text = bands.ToText();

            PriceBands.Parse(text)!.UpperBounds.Should().Equal(bands.UpperBounds);
            text.Should().NotContain(",");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [TestCase(null)]
    [TestCase("12;x")]
    [TestCase("25;12")]
    [TestCase("-3")]
    public void TextThatIsNotAListOfRisingPricesIsRefused(string text)
    {
        PriceBands.Parse(text).Should().BeNull();
    }

    [Test]
    public void TheTextOfACatalogWithoutPricesIsEmptyAndReadsBackAsNoBands()
    {
        var bands = PriceBands.FromPrices([], 5);

        bands.ToText().Should().BeEmpty();
        PriceBands.Parse(string.Empty)!.Count.Should().Be(0);
    }
}

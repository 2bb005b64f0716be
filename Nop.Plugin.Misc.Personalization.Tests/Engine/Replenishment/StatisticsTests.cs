using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Replenishment;

[TestFixture]
public class StatisticsTests
{
    [Test]
    public void QuantilesInterpolateBetweenOrderStatistics()
    {
        var values = new double[] { 4, 1, 3, 2 };

        Statistics.Median(values).Should().Be(2.5);
        Statistics.Quantile(values, 0.25).Should().Be(1.75);
        Statistics.Quantile(values, 0.75).Should().Be(3.25);
        Statistics.Quantile(values, 0).Should().Be(1);
        Statistics.Quantile(values, 1).Should().Be(4);
    }

    [Test]
    public void MedianAbsoluteDeviation()
    {
        Statistics.MedianAbsoluteDeviation(new double[] { 1, 1, 2, 2, 4, 6, 9 }).Should().Be(1);
    }

    [Test]
    public void EmptySampleHasNoQuantile()
    {
        FluentActions.Invoking(() => Statistics.Median(Array.Empty<double>())).Should().Throw<ArgumentException>();
    }
}

using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Profiles;

[TestFixture]
public class RfmScoringTests
{
    [Test]
    public void TenDistinctValuesFillTheQuintilesEvenly()
    {
        var values = new double[] { 70, 10, 40, 100, 20, 90, 30, 60, 80, 50 };

        RfmScoring.Quintiles(values, higherIsBetter: true).Should().Equal(4, 1, 2, 5, 1, 5, 2, 3, 4, 3);
    }

    [Test]
    public void RecencyScoresFewerDaysHigher()
    {
        var days = new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

        RfmScoring.Quintiles(days, higherIsBetter: false).Should().Equal(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
    }

    [Test]
    public void TiedValuesShareAScoreWhateverTheirOrder()
    {
        var values = new double[] { 1, 1, 1, 1, 1, 1, 2, 3, 5, 8 };

        var scores = RfmScoring.Quintiles(values, higherIsBetter: true);

        scores.Should().Equal(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
        RfmScoring.Quintiles(values.Reverse().ToArray(), higherIsBetter: true).Should().Equal(scores.Reverse());
    }

    [Test]
    public void ScoresStayWithinOneToFiveAndFollowTheValues()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 997).Select(_ => (double)random.Next(0, 300)).ToArray();

        var scores = RfmScoring.Quintiles(values, higherIsBetter: true);

        scores.Should().OnlyContain(s => s >= 1 && s <= 5);
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = 0; j < 50; j++)
            {
                if (values[i] > values[j])
                    scores[i].Should().BeGreaterThanOrEqualTo(scores[j]);
            }
        }
    }

    [Test]
    public void EmptyInputGivesNoScores()
    {
        RfmScoring.Quintiles(Array.Empty<double>(), true).Should().BeEmpty();
    }
}

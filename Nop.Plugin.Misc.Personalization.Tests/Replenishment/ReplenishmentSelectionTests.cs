using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;

namespace Nop.Plugin.Misc.Personalization.Tests.Replenishment;

[TestFixture]
public class ReplenishmentSelectionTests
{
    private static readonly DateTime _now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
    private static readonly ReplenishmentEmailRules _rules = new(MinDaysBetween: 14, MaxProducts: 4);
    private static readonly IReadOnlyDictionary<int, DateTime> _neverReminded = new Dictionary<int, DateTime>();

    private static PersonalizationPrediction Due(int customerId, int productId, double dueInDays, decimal score = 0.5m,
        PredictionKind kind = PredictionKind.Replenishment, DateTime? emailedOnUtc = null) => new()
    {
        CustomerId = customerId,
        StoreId = 1,
        ProductId = productId,
        Kind = (byte)kind,
        DueOnUtc = _now.AddDays(dueInDays),
        Score = score,
        EmailedOnUtc = emailedOnUtc
    };

    private static IReadOnlyList<ReplenishmentReminder> Select(IEnumerable<PersonalizationPrediction> predictions,
        IReadOnlyDictionary<int, DateTime> lastReminded = null, Func<int, bool> isShowable = null, ReplenishmentEmailRules rules = null) =>
        ReplenishmentSelection.Select(predictions, lastReminded ?? _neverReminded, isShowable ?? (_ => true), rules ?? _rules, _now);

    [TestCase(-2.0, true)]
    [TestCase(-2.01, false)]
    [TestCase(0, true)]
    [TestCase(3.0, true)]
    [TestCase(3.01, false)]
    public void OnlyPredictionsDueFromTwoDaysAgoToThreeDaysAheadAreIncluded(double dueInDays, bool included)
    {
        var reminders = Select([Due(1, 10, dueInDays)]);

        reminders.Should().HaveCount(included ? 1 : 0);
    }

    [Test]
    public void ComplementsAndAlreadyEmailedPredictionsAreLeftOut()
    {
        var reminders = Select([
            Due(1, 10, 0, kind: PredictionKind.Complement),
            Due(1, 11, 0, emailedOnUtc: _now.AddDays(-30)),
            Due(1, 12, 0)
        ]);

        reminders.Should().ContainSingle().Which.Predictions.Select(p => p.ProductId).Should().Equal(12);
    }

    [Test]
    public void ACustomerRemindedWithinTheMinimumDaysIsLeftOutAndOneRemindedEarlierIsNot()
    {
        var lastReminded = new Dictionary<int, DateTime>
        {
            [1] = _now.AddDays(-13),
            [2] = _now.AddDays(-14)
        };

        var reminders = Select([Due(1, 10, 0), Due(2, 10, 0), Due(3, 10, 0)], lastReminded);

        reminders.Select(r => r.CustomerId).Should().BeEquivalentTo([2, 3]);
    }

    [Test]
    public void ProductsThatCannotBeShownAreDroppedAndACustomerLeftWithNoneGetsNoReminder()
    {
        var reminders = Select([Due(1, 10, 0), Due(1, 11, 0), Due(2, 11, 0)], isShowable: productId => productId != 11);

        reminders.Should().ContainSingle().Which.Predictions.Select(p => p.ProductId).Should().Equal(10);
    }

    [Test]
    public void AReminderCarriesTheMostConfidentProductsUpToTheLimit()
    {
        var reminders = Select([
            Due(1, 10, 0, 0.2m), Due(1, 11, 1, 0.9m), Due(1, 12, 2, 0.5m), Due(1, 13, -1, 0.7m), Due(1, 14, 0, 0.1m)
        ], rules: _rules with { MaxProducts = 3 });

        reminders.Should().ContainSingle().Which.Predictions.Select(p => p.ProductId).Should().Equal(11, 13, 12);
    }

    [Test]
    public void AProductPredictedTwiceAppearsOnce()
    {
        var reminders = Select([Due(1, 10, 0, 0.3m), Due(1, 10, 1, 0.6m), Due(1, 11, 0, 0.4m)]);

        reminders.Single().Predictions.Select(p => (p.ProductId, p.Score)).Should().Equal((10, 0.6m), (11, 0.4m));
    }

    [Test]
    public void CustomersAreOrderedByTheirMostConfidentPrediction()
    {
        var reminders = Select([Due(1, 10, 0, 0.3m), Due(2, 10, 0, 0.8m), Due(3, 10, 0, 0.5m), Due(3, 11, 0, 0.1m)]);

        reminders.Select(r => r.CustomerId).Should().Equal(2, 3, 1);
    }

    [Test]
    public void SettingsWithoutTheNewFieldsFallBackToTheDefaults()
    {
        var rules = ReplenishmentEmailRules.From(new PersonalizationSettings { ReplenishmentEmailMinDaysBetween = 0, ReplenishmentEmailMaxProducts = 0 });

        rules.MaxProducts.Should().Be(4);
        rules.MinDaysBetween.Should().Be(14);
        ReplenishmentEmailRules.From(new PersonalizationSettings { ReplenishmentEmailMinDaysBetween = 30, ReplenishmentEmailMaxProducts = 2 })
            .Should().Be(new ReplenishmentEmailRules(30, 2));
    }
}

using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Models;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

/// <summary>
/// Training lets the shop's own recent purchases choose the training profile, records the choice for the status card,
/// and compares again only when it is due.
/// </summary>
[TestFixture]
public class TrainingProfileChoiceTests
{
    private AdminServices _services;

    [SetUp]
    public void SetUp()
    {
        _services = new AdminServices();
        _services.Products.Add(new Product { Published = true, VisibleIndividually = true, Price = 10m });
    }

    [Test]
    public async Task WithTooFewRecentBuyersTheEngineDefaultsTrainAndTheComparisonIsRetriedTomorrow()
    {
        AddReorders(customers: 5);

        var result = await _services.Training().TrainAsync();

        result.Profile.Should().Be(TrainingProfiles.ENGINE_DEFAULTS);
        var state = _services.Settings.Load<PersonalizationProfileState>();
        state.Profile.Should().Be(TrainingProfiles.ENGINE_DEFAULTS);
        state.ValidationCustomers.Should().Be(5);
        state.Outcome.Should().Contain("5 customers");
        state.NextCheckOnUtc.Should().Be(AdminServices.Now.UtcDateTime + ModelTrainingService.ProfileRetryInterval);
    }

    [Test]
    public async Task EnoughRecentBuyersCompareBothProfilesOnceAWeek()
    {
        AddReorders(customers: 60);
        var training = _services.Training();

        var first = await training.TrainAsync();

        var state = _services.Settings.Load<PersonalizationProfileState>();
        //both profiles put each customer's own reordered product first; on a tie the defaults stay
        first.Profile.Should().Be(TrainingProfiles.ENGINE_DEFAULTS, state.Outcome);
        state.Profile.Should().Be(first.Profile);
        state.ValidationCustomers.Should().Be(60);
        state.Outcome.Should().Contain(TrainingProfiles.ENGINE_DEFAULTS).And.Contain(TrainingProfiles.PURCHASE_TUNED);
        state.CheckedOnUtc.Should().Be(AdminServices.Now.UtcDateTime);
        state.NextCheckOnUtc.Should().Be(AdminServices.Now.UtcDateTime + ModelTrainingService.ProfileCheckInterval);

        //a day later the recorded choice is used as it is
        state.Outcome = "kept";
        _services.Settings.Save(state);
        _services.Clock.Advance(TimeSpan.FromDays(1));
        (await training.TrainAsync()).Profile.Should().Be(state.Profile);
        _services.Settings.Load<PersonalizationProfileState>().Outcome.Should().Be("kept");

        //a week after the comparison it runs again
        _services.Clock.Advance(TimeSpan.FromDays(6));
        await training.TrainAsync();
        _services.Settings.Load<PersonalizationProfileState>().CheckedOnUtc.Should().Be(AdminServices.Now.UtcDateTime.AddDays(7));
    }

    /// <summary>Customers who reorder their own product weekly for half a year, the last order days before now.</summary>
    private void AddReorders(int customers)
    {
        var now = AdminServices.Now.UtcDateTime;
        for (var customer = 1; customer <= customers; customer++)
        {
            for (var week = 26; week >= 0; week--)
            {
                _services.Events.Add(new PersonalizationEvent
                {
                    StoreId = 1,
                    CustomerId = customer,
                    ProductId = 1000 + customer,
                    EventType = (int)InteractionType.Purchase,
                    Quantity = 1,
                    OrderId = customer * 100 + week,
                    CreatedOnUtc = now.AddDays(-(week * 7 + 1 + customer % 5))
                });
            }
        }
    }
}

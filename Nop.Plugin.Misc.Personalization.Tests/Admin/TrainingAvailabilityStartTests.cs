using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

/// <summary>
/// Training reads the catalog and, from it, hands the back-in-stock check the products whose available start date
/// arrived since the previous run: the only place a date's arrival is noticed.
/// </summary>
[TestFixture]
public class TrainingAvailabilityStartTests
{
    private AdminServices _services;

    [SetUp]
    public void SetUp()
    {
        _services = new AdminServices();
        var now = AdminServices.Now.UtcDateTime;
        _services.Products.Add(new Product { Published = true, VisibleIndividually = true, Price = 10m });
        _services.Events.Add(new PersonalizationEvent
        {
            StoreId = 1, CustomerId = 1, ProductId = 1, EventType = (int)InteractionType.View, Quantity = 1, CreatedOnUtc = now.AddHours(-1)
        });
    }

    private List<int> Handed()
    {
        var ids = new List<int>();
        while (_services.BackInStockWatch.TryTake(out var productId, out _))
            ids.Add(productId);
        return ids;
    }

    [Test]
    public async Task AProductWhoseStartDatePassedBetweenTwoRunsIsHandedToTheCheckByTheSecond()
    {
        var now = AdminServices.Now.UtcDateTime;
        var comingSoon = new Product { Published = true, VisibleIndividually = true, Price = 20m, AvailableStartDateTimeUtc = now.AddMinutes(30) };
        _services.Products.Add(comingSoon);

        (await _services.Training().TrainAsync()).Trained.Should().BeTrue();
        Handed().Should().BeEmpty("the first run only marks where the next one starts, and the product is not on sale yet");

        _services.Clock.Advance(TimeSpan.FromHours(1));
        (await _services.Training().TrainAsync()).Trained.Should().BeTrue();

        Handed().Should().Equal(comingSoon.Id);
        _services.Settings.Load<PersonalizationAvailabilityState>().ScannedToUtc.Should().Be(now.AddHours(1));
    }
}

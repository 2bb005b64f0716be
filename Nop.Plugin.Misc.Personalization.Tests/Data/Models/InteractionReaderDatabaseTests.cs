using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Models;

/// <summary>
/// What a training run reads, against PostgreSQL: everything since the start of the period, or only the newest events
/// when the memory guard allows fewer.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class InteractionReaderDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTime _now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    public InteractionReaderDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public async Task StoreEventsAsync()
    {
        var events = Repository<PersonalizationEvent>();
        await events.TruncateAsync();
        //ten views an hour apart, inserted newest first (ids do not follow time, as with backfilled orders), two at
        //the same instant, an impression (not training data) and one before the period
        var views = Enumerable.Range(1, 10).Select(hour => View(productId: hour, _now.AddHours(-hour))).ToList();
        views.Add(View(productId: 11, _now.AddHours(-6)));
        views.Add(new PersonalizationEvent { StoreId = 1, CustomerId = 3, EventType = (int)InteractionType.RecommendationImpression, Placement = "7", Quantity = 4, CreatedOnUtc = _now });
        views.Add(View(productId: 99, _now.AddDays(-40)));
        await events.InsertAsync(views);
    }

    [Test]
    public async Task WithinTheGuardEverythingOfThePeriodIsRead()
    {
        var read = await Reader().ReadNewestAsync(_now.AddDays(-30), maxEvents: 11);

        read.Capped.Should().BeFalse();
        read.FromUtc.Should().Be(_now.AddDays(-30));
        read.Interactions.Select(i => i.ProductId).Should().BeEquivalentTo(Enumerable.Range(1, 11));
    }

    [Test]
    public async Task BeyondTheGuardOnlyTheNewestAreReadAndNeverMoreThanAllowed()
    {
        var read = await Reader().ReadNewestAsync(_now.AddDays(-30), maxEvents: 4);

        read.Capped.Should().BeTrue();
        read.Interactions.Select(i => i.ProductId).Should().BeEquivalentTo([1, 2, 3, 4]);
        read.FromUtc.Should().BeAfter(_now.AddHours(-5)).And.BeOnOrBefore(_now.AddHours(-4));
    }

    [Test]
    public async Task EventsAtTheInstantTheGuardCutsAtAreLeftOutTogether()
    {
        //the 6th and 7th newest share an instant: reading either would mean reading both, one more than allowed
        var read = await Reader().ReadNewestAsync(_now.AddDays(-30), maxEvents: 6);

        read.Capped.Should().BeTrue();
        read.Interactions.Select(i => i.ProductId).Should().BeEquivalentTo([1, 2, 3, 4, 5]);
    }

    [Test]
    public async Task WithoutALimitTheWholePeriodIsRead() =>
        (await Reader().ReadNewestAsync(_now.AddDays(-30), int.MaxValue)).Interactions.Should().HaveCount(11);

    private InteractionReader Reader() => new(Repository<PersonalizationEvent>());

    private static PersonalizationEvent View(int productId, DateTime at) => new()
    {
        StoreId = 1,
        CustomerId = 3,
        EventType = (int)InteractionType.View,
        ProductId = productId,
        Quantity = 1,
        CreatedOnUtc = at
    };
}

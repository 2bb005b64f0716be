using Moq;
using LinqToDB;
using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Privacy;

/// <summary>
/// Removing identified data on PostgreSQL: which customers each consent mode does not allow (nopCommerce's
/// GenericAttribute and GdprLog tables beside the plugin's), what is anonymised and what is deleted.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class IdentifiedDataRemovalDatabaseTests : MigratedDatabaseTest
{
    private const int CONSENT = 4;
    private static readonly DateTime _time = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);

    private DataOptions _shopOptions;

    public IdentifiedDataRemovalDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public async Task CreateShopTablesAsync()
    {
        _shopOptions = ShopTables.Options(Database, typeof(GenericAttribute), typeof(GdprLog));
        await ShopTables.CreateAsync<GenericAttribute>(_shopOptions);
        await ShopTables.CreateAsync<GdprLog>(_shopOptions);
    }

    [SetUp]
    public async Task ClearAsync()
    {
        await Shop<PersonalizationEvent>().TruncateAsync();
        await Shop<PersonalizationProfile>().TruncateAsync();
        await Shop<PersonalizationPrediction>().TruncateAsync();
        await Shop<GenericAttribute>().TruncateAsync();
        await Shop<GdprLog>().TruncateAsync();
        await Shop<PersonalizationErasure>().TruncateAsync();
    }

    [Test]
    public async Task NobodyAnonymisesEveryIdentifiedEventOfTheStoreAndKeepsWhatAggregatesNeed()
    {
        await AddDataAsync();

        var counts = await Removal().CountAsync(1, TrackingConsent.Nobody, 0);
        counts.Should().Be(new IdentifiedDataCounts(4, 2, 2));
        (await EventsAsync()).Where(e => e.StoreId == 1).Should().Contain(e => e.CustomerId > 0, "counting removes nothing");

        var removed = await Removal().RemoveAsync(1, TrackingConsent.Nobody, 0);

        removed.Should().Be(counts);
        var events = await EventsAsync();
        events.Where(e => e.StoreId == 1).Should().OnlyContain(e => e.CustomerId == 0 && e.OrderId == 0);
        events.Where(e => e.StoreId == 1).Select(e => (e.ProductId, e.EventType, e.Quantity, e.CreatedOnUtc))
            .Should().BeEquivalentTo(new[]
            {
                (11, (int)InteractionType.Purchase, 2, _time), (12, (int)InteractionType.View, 1, _time), (13, (int)InteractionType.View, 1, _time),
                (14, (int)InteractionType.View, 1, _time), (15, (int)InteractionType.View, 1, _time)
            }, "product, type, quantity and time stay for the anonymous aggregates");
        events.Single(e => e.StoreId == 2).CustomerId.Should().Be(1, "another store's data is left alone");
        (await Shop<PersonalizationProfile>().GetAllAsync(q => q)).Select(p => p.StoreId).Should().Equal(2);
        (await Shop<PersonalizationPrediction>().GetAllAsync(q => q)).Select(p => p.StoreId).Should().Equal(2);
    }

    [Test]
    public async Task TheCookieBannerModeRemovesOnlyCustomersWhoDidNotAcceptItInThatStore()
    {
        await AddDataAsync();
        await Shop<GenericAttribute>().InsertAsync(new List<GenericAttribute>
        {
            Attribute(customerId: 2, NopCustomerDefaults.EuCookieLawAcceptedAttribute, storeId: 1, "True"),
            //accepted in another store only: does not count for store 1
            Attribute(customerId: 1, NopCustomerDefaults.EuCookieLawAcceptedAttribute, storeId: 2, "True"),
            Attribute(customerId: 3, NopCustomerDefaults.EuCookieLawAcceptedAttribute, storeId: 1, "False")
        });

        var removed = await Removal().RemoveAsync(1, TrackingConsent.CookieBannerAccepted, 0);

        removed.Should().Be(new IdentifiedDataCounts(3, 1, 2));
        (await EventsAsync()).Where(e => e.StoreId == 1 && e.CustomerId > 0).Select(e => e.CustomerId).Should().Equal(2);
        (await Shop<PersonalizationProfile>().GetAllAsync(q => q.Where(p => p.StoreId == 1))).Select(p => p.CustomerId).Should().Equal(2);
    }

    [Test]
    public async Task TheGdprModeKeepsCustomersWhoseLatestAnswerToTheConsentAgrees()
    {
        await AddDataAsync();
        await Shop<GdprLog>().InsertAsync(new List<GdprLog>
        {
            //1 agreed, then withdrew
            Log(customerId: 1, CONSENT, GdprRequestType.ConsentAgree, minutes: 0),
            Log(customerId: 1, CONSENT, GdprRequestType.ConsentDisagree, minutes: 5),
            //2 agreed to another consent only
            Log(customerId: 2, CONSENT + 1, GdprRequestType.ConsentAgree, minutes: 0),
            //3 refused, then agreed
            Log(customerId: 3, CONSENT, GdprRequestType.ConsentDisagree, minutes: 0),
            Log(customerId: 3, CONSENT, GdprRequestType.ConsentAgree, minutes: 5)
        });

        var counts = await Removal().CountAsync(1, TrackingConsent.GdprConsentAccepted, CONSENT);
        await Removal().RemoveAsync(1, TrackingConsent.GdprConsentAccepted, CONSENT);

        counts.Should().Be(new IdentifiedDataCounts(3, 2, 1));
        (await EventsAsync()).Where(e => e.StoreId == 1 && e.CustomerId > 0).Select(e => e.CustomerId).Should().Equal(3);
        (await Shop<PersonalizationPrediction>().GetAllAsync(q => q.Where(p => p.StoreId == 1))).Select(p => p.CustomerId).Should().Equal(3);
    }

    [Test]
    public async Task EveryoneRemovesNothing()
    {
        await AddDataAsync();

        (await Removal().RemoveAsync(1, TrackingConsent.Everyone, 0)).Should().Be(default(IdentifiedDataCounts));
        (await EventsAsync()).Count(e => e.CustomerId > 0).Should().Be(5);
    }

    [Test]
    public async Task ForgettingACustomerReachesEveryStore()
    {
        await AddDataAsync();

        var removed = await Removal().ForgetCustomerAsync(1);

        removed.Should().Be(new IdentifiedDataCounts(3, 2, 2));
        (await EventsAsync()).Should().NotContain(e => e.CustomerId == 1);
        (await Shop<PersonalizationProfile>().GetAllAsync(q => q)).Should().NotContain(p => p.CustomerId == 1);
        (await Shop<PersonalizationPrediction>().GetAllAsync(q => q)).Should().NotContain(p => p.CustomerId == 1);
        (await EventsAsync()).Count(e => e.CustomerId == 2).Should().Be(1, "other customers keep their data");
    }

    [Test]
    public async Task LargeHistoriesAreAnonymisedInSeveralBatches()
    {
        var events = Enumerable.Range(0, IdentifiedDataRemoval.BATCH_SIZE * 2 + 17)
            .Select(i => Event(storeId: 1, customerId: 1 + i % 50, productId: 1 + i % 7, InteractionType.View))
            .ToList();
        await Shop<PersonalizationEvent>().InsertAsync(events);

        var removed = await Removal().RemoveAsync(1, TrackingConsent.Nobody, 0);

        removed.Events.Should().Be(events.Count);
        (await EventsAsync()).Should().OnlyContain(e => e.CustomerId == 0);
    }

    [Test]
    public async Task TheDailyEnforcementAppliesEachStoresModeAndForgetsShoppersWhoSwitchedOff()
    {
        await AddDataAsync();
        //store 1 identifies nobody now; store 2 everyone, but customer 1 switched personalisation off
        await Shop<GenericAttribute>().InsertAsync(Attribute(customerId: 1, PersonalizationDefaults.OptedOutAttribute, storeId: 0, "True"));
        var settings = new Mock<Nop.Services.Configuration.ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(1)).ReturnsAsync(new PersonalizationSettings { Consent = TrackingConsent.Nobody });
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(2)).ReturnsAsync(new PersonalizationSettings { Consent = TrackingConsent.Everyone });
        var stores = new Admin.InMemoryRepository<Nop.Core.Domain.Stores.Store>();
        stores.Add(new Nop.Core.Domain.Stores.Store { Id = 1 });
        stores.Add(new Nop.Core.Domain.Stores.Store { Id = 2 });
        var enforcement = new ConsentEnforcement(Shop<GenericAttribute>(), Shop<PersonalizationEvent>(), Shop<PersonalizationProfile>(), Removal(),
            new StoreConsentModes(settings.Object, stores.Object));

        var removed = await enforcement.EnforceAsync();

        removed.Should().Be(new IdentifiedDataCounts(Events: 4 + 1, Profiles: 2 + 1, Predictions: 2 + 1));
        (await EventsAsync()).Should().OnlyContain(e => e.CustomerId == 0, "store 1 by its mode, store 2's only customer by their own choice");
        (await Shop<PersonalizationProfile>().GetAllAsync(q => q)).Should().BeEmpty();
        (await Shop<PersonalizationErasure>().GetAllAsync(q => q)).Select(e => e.CustomerId).Distinct()
            .Should().BeEquivalentTo([1, 2, 3], "every node forgets them in memory too");
        (await enforcement.EnforceAsync()).Should().Be(default(IdentifiedDataCounts), "a second run finds nothing left");
    }

    // store 1: customers 1, 2, 3 and an anonymous visitor; store 2: customer 1
    private async Task AddDataAsync()
    {
        await Shop<PersonalizationEvent>().InsertAsync(new List<PersonalizationEvent>
        {
            Event(storeId: 1, customerId: 1, productId: 11, InteractionType.Purchase, quantity: 2, orderId: 501),
            Event(storeId: 1, customerId: 1, productId: 12, InteractionType.View),
            Event(storeId: 1, customerId: 2, productId: 13, InteractionType.View),
            Event(storeId: 1, customerId: 3, productId: 14, InteractionType.View),
            Event(storeId: 1, customerId: 0, productId: 15, InteractionType.View),
            Event(storeId: 2, customerId: 1, productId: 11, InteractionType.View)
        });
        await Shop<PersonalizationProfile>().InsertAsync(new List<PersonalizationProfile>
        {
            Profile(storeId: 1, customerId: 1), Profile(storeId: 1, customerId: 2), Profile(storeId: 2, customerId: 1)
        });
        await Shop<PersonalizationPrediction>().InsertAsync(new List<PersonalizationPrediction>
        {
            Prediction(storeId: 1, customerId: 1), Prediction(storeId: 1, customerId: 3), Prediction(storeId: 2, customerId: 1)
        });
    }

    private IdentifiedDataRemoval Removal() => new(Shop<PersonalizationEvent>(), Forgetting.Over(Shop<PersonalizationErasure>()), Shop<PersonalizationPrediction>(), Shop<PersonalizationProfile>(),
        new UnconsentedCustomers(Shop<GdprLog>(), Shop<GenericAttribute>()));

    private IRepository<TEntity> Shop<TEntity>() where TEntity : BaseEntity => new LinqToDbRepository<TEntity>(_shopOptions);

    private async Task<List<PersonalizationEvent>> EventsAsync() =>
        (await Shop<PersonalizationEvent>().GetAllAsync(q => q.OrderBy(e => e.Id))).ToList();

    private static PersonalizationEvent Event(int storeId, int customerId, int productId, InteractionType type, int quantity = 1, int orderId = 0) => new()
    {
        StoreId = storeId,
        CustomerId = customerId,
        ProductId = productId,
        EventType = (int)type,
        Quantity = quantity,
        Value = 5m,
        OrderId = orderId,
        CreatedOnUtc = _time
    };

    private static PersonalizationProfile Profile(int storeId, int customerId) => new()
    {
        StoreId = storeId,
        CustomerId = customerId,
        SegmentIds = "",
        Affinities = "",
        LastComputedOnUtc = _time
    };

    private static PersonalizationPrediction Prediction(int storeId, int customerId) => new()
    {
        StoreId = storeId,
        CustomerId = customerId,
        ProductId = 11,
        Kind = 1,
        DueOnUtc = _time,
        Score = 0.5m
    };

    private static GenericAttribute Attribute(int customerId, string key, int storeId, string value) => new()
    {
        EntityId = customerId,
        KeyGroup = nameof(Customer),
        Key = key,
        StoreId = storeId,
        Value = value
    };

    private static GdprLog Log(int customerId, int consentId, GdprRequestType type, int minutes) => new()
    {
        CustomerId = customerId,
        ConsentId = consentId,
        RequestType = type,
        CustomerInfo = "",
        RequestDetails = "",
        CreatedOnUtc = _time.AddMinutes(minutes)
    };
}

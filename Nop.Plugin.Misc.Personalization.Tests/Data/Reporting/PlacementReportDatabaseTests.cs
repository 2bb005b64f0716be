using Moq;
using LinqToDB;
using Microsoft.Extensions.Time.Testing;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Reporting;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Reporting;

/// <summary>
/// The placement report against PostgreSQL: hand-made impression counters, clicks and purchases with known CTR, attribution
/// and holdout numbers, read through linq2db IRepository&lt;T&gt;.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class PlacementReportDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTimeOffset _now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private DataOptions _shopOptions;
    private InMemorySettings _settings;
    private PersonalizationPlacement _home;
    private PersonalizationPlacement _product;

    public PlacementReportDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public async Task CreateShopTablesAsync()
    {
        _shopOptions = ShopTables.Options(Database, typeof(Customer));
        await ShopTables.CreateAsync<Customer>(_shopOptions);
    }

    [SetUp]
    public async Task SetUpAsync()
    {
        await Shop<PersonalizationEvent>().TruncateAsync();
        await Shop<PersonalizationEmailSend>().TruncateAsync();
        await Shop<PersonalizationImpressionCount>().TruncateAsync();
        await Shop<PersonalizationPlacement>().TruncateAsync();
        await Shop<Customer>().TruncateAsync();

        _settings = new InMemorySettings().Handle<PersonalizationSettings>();
        SetHoldout(0);

        var placements = new PlacementService(Shop<PersonalizationPlacement>(), Mock.Of<IRepository<Nop.Core.Domain.Localization.LocalizedProperty>>());
        _home = new PersonalizationPlacement { StoreId = 0, WidgetZone = "home_page_top", Strategy = "ForYou", Title = "For you", Count = 4, Enabled = true, DisplayOrder = 1 };
        _product = new PersonalizationPlacement { StoreId = 1, WidgetZone = "productdetails_bottom", Strategy = "Similar", Title = "Similar", Count = 3, Enabled = true };
        await placements.InsertPlacementAsync(_home);
        await placements.InsertPlacementAsync(_product);
    }

    [Test]
    public async Task ImpressionsClicksAndAttributedOrdersPerPlacement()
    {
        var clickedAt = Ago(days: 2);
        //home: four renders of four products counted by two processes on two days, two clicks
        await CountAsync(_home, renders: 2, shown: 8, Ago(days: 3), counter: "node-a:1");
        await CountAsync(_home, renders: 1, shown: 4, Ago(days: 2), counter: "node-a:1");
        await CountAsync(_home, renders: 1, shown: 4, Ago(days: 2), counter: "node-b:7");
        //product page: two renders of three products, one click
        await CountAsync(_product, renders: 2, shown: 6, Ago(days: 2));
        await AddAsync(
            Click(_home, customerId: 1, productId: 10, clickedAt),
            Click(_home, customerId: 2, productId: 11, clickedAt),
            Click(_product, customerId: 1, productId: 12, clickedAt.AddHours(1)),
            //customer 1 buys 2 × product 10 (home's click, 1 h later) and product 12 (product page's click) in one order,
            //and product 13 nobody clicked
            Purchase(customerId: 1, orderId: 500, productId: 10, quantity: 2, unitPrice: 5m, clickedAt.AddHours(1)),
            Purchase(customerId: 1, orderId: 500, productId: 12, quantity: 1, unitPrice: 7.5m, clickedAt.AddHours(1)),
            Purchase(customerId: 1, orderId: 500, productId: 13, quantity: 1, unitPrice: 100m, clickedAt.AddHours(1)),
            //customer 2 buys the clicked product 11 two days later: past the attribution window
            Purchase(customerId: 2, orderId: 501, productId: 11, quantity: 1, unitPrice: 9m, clickedAt.AddDays(2)));

        var report = await Service().BuildAsync(storeScope: 0, days: 30);

        report.FromUtc.Should().Be(_now.UtcDateTime.AddDays(-30));
        report.ToUtc.Should().Be(_now.UtcDateTime);
        report.Rows.Select(r => r.Placement?.Id).Should().Equal(_home.Id, _product.Id);
        report.Rows[0].Performance.Should().Be(new PlacementPerformance(Key(_home), Impressions: 4, ProductsShown: 16, Clicks: 2,
            AttributedOrderLines: 1, AttributedOrders: 1, AttributedRevenue: 10m));
        report.Rows[0].Performance.ClickThroughRate.Should().Be(0.5);
        report.Rows[1].Performance.Should().Be(new PlacementPerformance(Key(_product), Impressions: 2, ProductsShown: 6, Clicks: 1,
            AttributedOrderLines: 1, AttributedOrders: 1, AttributedRevenue: 7.5m));
        report.Lift.Status.Should().Be(LiftStatus.NoHoldout);
    }

    [Test]
    public async Task ThePeriodAndTheStoreScopeLimitTheEvents()
    {
        foreach (var days in new[] { 1, 20, 60, 100 })
            await CountAsync(_home, renders: 1, shown: 4, Ago(days));
        await CountAsync(_home, renders: 1, shown: 4, Ago(days: 1), storeId: 2);
        await AddAsync(Click(_home, customerId: 1, productId: 10, Ago(days: 1), storeId: 2));

        (await ImpressionsOfHomeAsync(storeScope: 0, days: 7)).Should().Be((2, 1));
        (await ImpressionsOfHomeAsync(storeScope: 0, days: 30)).Should().Be((3, 1));
        (await ImpressionsOfHomeAsync(storeScope: 0, days: 90)).Should().Be((4, 1));
        (await ImpressionsOfHomeAsync(storeScope: 1, days: 90)).Should().Be((3, 0), "store 2's events are not store 1's");
        (await ImpressionsOfHomeAsync(storeScope: 1, days: 45)).Should().Be((2, 0), "an unknown period falls back to 30 days");
    }

    [Test]
    public async Task PlacementsWithoutEventsShowZerosAndDeletedOnesKeepTheirNumbers()
    {
        await AddAsync(Click(placementKey: "999", customerId: 1, productId: 10, Ago(days: 1)));

        var report = await Service().BuildAsync(storeScope: 0, days: 30);

        report.Rows.Select(r => (r.PlacementKey, r.Placement?.Title, r.Performance.Impressions, r.Performance.Clicks)).Should().Equal(
            (Key(_home), "For you", 0, 0),
            (Key(_product), "Similar", 0, 0),
            ("999", null, 0, 1));
    }

    [Test]
    public async Task ClicksAndPurchasesAreReadAcrossPages()
    {
        var clicks = Enumerable.Range(1, PlacementReportService.PAGE_SIZE * 2 + 7)
            .Select(i => Click(_home, customerId: i, productId: 10, Ago(days: 1)))
            .ToArray();
        await AddAsync(clicks);

        var report = await Service().BuildAsync(storeScope: 0, days: 30);

        report.Rows.Single(r => r.Placement?.Id == _home.Id).Performance.Clicks.Should().Be(clicks.Length);
    }

    [Test]
    public async Task TheLiftComparesTreatedWithHeldOutCustomers()
    {
        SetHoldout(50);
        var (heldOut, treated) = await CustomersAsync(heldOut: 2, treated: 3);
        var events = new List<PersonalizationEvent>();
        //everyone visits; one held-out customer buys for 10, two treated customers buy for 30 and 20
        foreach (var customer in heldOut.Concat(treated))
            events.Add(Event(InteractionType.View, customer.Id, productId: 1, Ago(days: 2)));
        events.Add(Purchase(heldOut[0].Id, orderId: 1, productId: 1, quantity: 1, unitPrice: 10m, Ago(days: 1)));
        events.Add(Purchase(treated[0].Id, orderId: 2, productId: 1, quantity: 3, unitPrice: 10m, Ago(days: 1)));
        events.Add(Purchase(treated[1].Id, orderId: 3, productId: 2, quantity: 1, unitPrice: 20m, Ago(days: 1)));
        //impressions (rows of earlier versions) and clicks alone do not make a customer "seen": held-out customers never produce them
        events.Add(Impression(_home, customerId: 999, shown: 4, Ago(days: 1)));
        events.Add(Click(_home, customerId: 998, productId: 1, Ago(days: 1)));
        await AddAsync(events.ToArray());

        var lift = (await Service().BuildAsync(storeScope: 0, days: 30)).Lift;

        lift.Status.Should().Be(LiftStatus.Computed);
        lift.HoldoutPercent.Should().Be(50);
        lift.Treated.Should().Be(new LiftGroup(Customers: 3, Buyers: 2, Revenue: 50m));
        lift.HeldOut.Should().Be(new LiftGroup(Customers: 2, Buyers: 1, Revenue: 10m));
        lift.ConversionDifference.Should().BeApproximately(2d / 3 - 1d / 2, 1e-12);
        lift.RevenuePerCustomerLift.Should().BeApproximately((double)(50m / 3 / 5m) - 1, 1e-9);
        var interval = lift.ConversionDifferenceInterval!.Value;
        interval.Low.Should().BeLessThan(lift.ConversionDifference);
        interval.High.Should().BeGreaterThan(lift.ConversionDifference);
        (interval.High - lift.ConversionDifference).Should().BeApproximately(lift.ConversionDifference - interval.Low, 1e-12);
    }

    private async Task<(int Impressions, int Clicks)> ImpressionsOfHomeAsync(int storeScope, int days)
    {
        var report = await Service().BuildAsync(storeScope, days);
        var row = report.Rows.Single(r => r.Placement?.Id == _home.Id);

        return (row.Performance.Impressions, row.Performance.Clicks);
    }

    /// <summary>
    /// Customers whose GUIDs the holdout puts in the asked groups at 50 %.
    /// </summary>
    private async Task<(List<Customer> HeldOut, List<Customer> Treated)> CustomersAsync(int heldOut, int treated)
    {
        var held = new List<Customer>();
        var kept = new List<Customer>();
        for (var i = 1; held.Count < heldOut || kept.Count < treated; i++)
        {
            var guid = new Guid(i, 0, 0, new byte[8]);
            var group = HoldoutAssignment.IsHeldOut(guid, 50) ? held : kept;
            if (group.Count >= (group == held ? heldOut : treated))
                continue;

            var customer = new Customer { CustomerGuid = guid, CreatedOnUtc = _now.UtcDateTime, LastActivityDateUtc = _now.UtcDateTime };
            await Shop<Customer>().InsertAsync(customer);
            group.Add(customer);
        }

        return (held, kept);
    }

    private void SetHoldout(int percent)
    {
        var settings = PersonalizationSettings.Defaults();
        settings.HoldoutPercent = percent;
        _settings.Save(settings);
    }

    [Test]
    public async Task EmailsAreMeasuredPerKindInTheStoreScopeAndLeaveThePlacementsAlone()
    {
        var clickedAt = Ago(days: 2);
        //sends come from the send log: two in store 1, one in store 2, one before the period
        var log = new Nop.Plugin.Misc.Personalization.Services.Messaging.EmailSendLog(Shop<PersonalizationEmailSend>());
        await log.RecordAsync(1, 1, EmailKind.Replenishment, Ago(days: 3));
        await log.RecordAsync(2, 1, EmailKind.Replenishment, Ago(days: 3));
        await log.RecordAsync(1, 2, EmailKind.Replenishment, Ago(days: 3));
        await log.RecordAsync(1, 1, EmailKind.Replenishment, Ago(days: 40));
        await AddAsync(
            //a send event of an earlier version not yet moved into the log: counted once moved, never twice
            Event(InteractionType.EmailSent, 0, 0, Ago(days: 3), placement: EmailPlacement.Sent(EmailKind.Replenishment)),
            Event(InteractionType.EmailOpen, 1, 0, Ago(days: 3), placement: EmailPlacement.Of(EmailKind.Replenishment, 77)),
            Event(InteractionType.EmailOpen, 1, 0, Ago(days: 3), placement: EmailPlacement.Of(EmailKind.Replenishment, 77)),
            Event(InteractionType.EmailClick, 1, 10, clickedAt, placement: EmailPlacement.Of(EmailKind.Replenishment, 77)),
            Event(InteractionType.EmailClick, 3, 0, clickedAt, placement: EmailPlacement.Of(EmailKind.ShopMessage, 123456)),
            Purchase(customerId: 1, orderId: 600, productId: 10, quantity: 3, unitPrice: 4m, clickedAt.AddHours(2)),
            Purchase(customerId: 1, orderId: 600, productId: 14, quantity: 1, unitPrice: 1m, clickedAt.AddHours(2)));

        var report = await Service().BuildAsync(storeScope: 1, days: 30);

        report.Emails.Should().Equal(
            new EmailKindPerformance(EmailKind.Replenishment, 2, 1, 1, 1, 1, 13m),
            new EmailKindPerformance(EmailKind.ShopMessage, 0, 1, 1, 1, 0, 0m));
        report.Rows.Should().OnlyContain(row => row.Performance.Clicks == 0 && row.Performance.AttributedOrders == 0,
            "an e-mail click is not a widget click");
        (await Service().BuildAsync(storeScope: 0, days: 30)).Emails[0].Sent.Should().Be(3);
    }

    private PlacementReportService Service() =>
        new(Shop<Customer>(), new Nop.Plugin.Misc.Personalization.Services.Messaging.EmailSendLog(Shop<PersonalizationEmailSend>()), Shop<PersonalizationEvent>(), new ImpressionCountStore(Shop<PersonalizationImpressionCount>()), new PlacementService(Shop<PersonalizationPlacement>(), Mock.Of<IRepository<Nop.Core.Domain.Localization.LocalizedProperty>>()), _settings.Service, new FakeTimeProvider(_now));

    private Task AddAsync(params PersonalizationEvent[] events) => Shop<PersonalizationEvent>().InsertAsync(events.ToList(), publishEvent: false);

    private Task CountAsync(PersonalizationPlacement placement, int renders, long shown, DateTime at, int storeId = 1, string counter = "node-a:1") =>
        Shop<PersonalizationImpressionCount>().InsertAsync(new PersonalizationImpressionCount
        {
            StoreId = storeId,
            PlacementId = placement.Id,
            DayUtc = at.Date,
            Counter = counter,
            Renders = renders,
            ProductsShown = shown
        }, publishEvent: false);

    private IRepository<TEntity> Shop<TEntity>() where TEntity : BaseEntity => new LinqToDbRepository<TEntity>(_shopOptions);

    private static DateTime Ago(int days) => _now.UtcDateTime.AddDays(-days);

    private static string Key(PersonalizationPlacement placement) => placement.Id.ToString();

    private static PersonalizationEvent Impression(PersonalizationPlacement placement, int customerId, int shown, DateTime at, int storeId = 1) =>
        Event(InteractionType.RecommendationImpression, customerId, productId: 0, at, storeId, Key(placement), quantity: shown);

    private static PersonalizationEvent Click(PersonalizationPlacement placement, int customerId, int productId, DateTime at, int storeId = 1) =>
        Click(Key(placement), customerId, productId, at, storeId);

    private static PersonalizationEvent Click(string placementKey, int customerId, int productId, DateTime at, int storeId = 1) =>
        Event(InteractionType.RecommendationClick, customerId, productId, at, storeId, placementKey);

    private static PersonalizationEvent Purchase(int customerId, int orderId, int productId, int quantity, decimal unitPrice, DateTime at)
    {
        var purchase = Event(InteractionType.Purchase, customerId, productId, at, quantity: quantity);
        purchase.OrderId = orderId;
        purchase.Value = unitPrice;
        return purchase;
    }

    private static PersonalizationEvent Event(InteractionType type, int customerId, int productId, DateTime at, int storeId = 1, string placement = null, int quantity = 1) => new()
    {
        StoreId = storeId,
        CustomerId = customerId,
        EventType = (byte)type,
        ProductId = productId,
        Placement = placement,
        Quantity = quantity,
        CreatedOnUtc = at
    };
}

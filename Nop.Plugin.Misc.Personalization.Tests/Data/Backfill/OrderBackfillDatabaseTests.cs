using Nop.Plugin.Misc.Personalization.Engine.Progress;
using Nop.Plugin.Misc.Personalization.Services.Progress;
using LinqToDB;
using Microsoft.Extensions.Time.Testing;
using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Tasks;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Backfill;

/// <summary>
/// The purchase backfill against PostgreSQL: nopCommerce's Order, OrderItem and GenericAttribute tables next to the
/// plugin's migrated ones, read and written through linq2db IRepository&lt;T&gt;.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class OrderBackfillDatabaseTests : MigratedDatabaseTest
{
    private const int EVERY_PAGE = 1_000;
    private const byte PURCHASE = (int)InteractionType.Purchase;

    private static readonly DateTimeOffset _now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan _noTimeLimit = TimeSpan.FromHours(1);

    private DataOptions _shopOptions;
    private InMemorySettings _settings;
    private FakeTimeProvider _clock;
    private LongWorkBoard _workBoard;

    public OrderBackfillDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public void CreateShopTables()
    {
        using (var migrator = new PluginMigrator(Database))
            migrator.Up(new ShopOrderTablesMigration());

        _shopOptions = ShopTables.Options(Database, ShopOrderTablesMigration.Entities.ToArray());
    }

    [SetUp]
    public async Task ClearAsync()
    {
        await Shop<PersonalizationEvent>().TruncateAsync();
        await Shop<OrderItem>().TruncateAsync();
        await Shop<Order>().TruncateAsync();
        await Shop<GenericAttribute>().TruncateAsync();

        _clock = new FakeTimeProvider(_now);
        _workBoard = new LongWorkBoard(_clock);
        _settings = new InMemorySettings().Handle<PersonalizationBackfillState>().Handle<PersonalizationSettings>();
        _settings.Save(new PersonalizationSettings { Consent = TrackingConsent.Everyone, RetentionDays = 730 });
    }

    [Test]
    public async Task EachOrderItemBecomesOnePurchaseWithTheOrdersStoreCustomerAndDate()
    {
        var first = await AddOrderAsync(storeId: 1, customerId: 10, daysAgo: 3, items: [(101, 2, 9.50m), (102, 1, 20m)]);
        var second = await AddOrderAsync(storeId: 2, customerId: 11, daysAgo: 2, items: [(101, 5, 8.25m)]);

        var progress = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        progress.Should().Be(new BackfillProgress(OrdersDone: 2, OrdersSkipped: 0, EventsWritten: 3, LastOrderId: second.Id, UpToOrderId: second.Id, Completed: true));
        var events = await EventsAsync();
        events.Select(e => (e.StoreId, e.CustomerId, e.EventType, e.ProductId, e.Quantity, e.Value, e.OrderId, e.CreatedOnUtc, e.Placement, e.Query))
            .Should().Equal(
                (1, 10, PURCHASE, 101, 2, 9.50m, first.Id, first.CreatedOnUtc, (string)null, (string)null),
                (1, 10, PURCHASE, 102, 1, 20m, first.Id, first.CreatedOnUtc, null, null),
                (2, 11, PURCHASE, 101, 5, 8.25m, second.Id, second.CreatedOnUtc, null, null));
        var state = _settings.Load<PersonalizationBackfillState>();
        (state.Completed, state.LastOrderId, state.OrdersBackfilled, state.EventsWritten, state.CompletedOnUtc).Should().Be((true, second.Id, 2, 3, _now.UtcDateTime));
    }

    [Test]
    public async Task ProgressCountsTheOrdersOfTheWholeBackfillAcrossRunsAndEndsWithTheOutcome()
    {
        await AddManyOrdersAsync(1_200);
        await AddOrderAsync(customerId: 3, status: OrderStatus.Cancelled, items: [(3, 1, 1m)]);

        await Service().RunAsync(maxPages: 1, _noTimeLimit);
        var paused = _workBoard.Get(LongWork.Backfill);
        (paused.State, paused.Done, paused.Total, paused.Stage).Should().Be((WorkState.Running, 500L, 1_200L, OrderBackfillService.STAGE_NEXT_RUN),
            "one page of 500 of the 1,200 orders to do is done (the cancelled one is not counted), and the rest waits for the next run");

        _clock.Advance(TimeSpan.FromSeconds(30));
        await Service().RunAsync(maxPages: 1, _noTimeLimit);
        var resumed = _workBoard.Get(LongWork.Backfill);
        (resumed.Done, resumed.Total, resumed.StartedOnUtc).Should().Be((1_000L, 1_200L, _now.UtcDateTime), "the resumed run continues the same progress");
        resumed.Estimate(_now.UtcDateTime.AddSeconds(30)).Should().Be(new ProgressEstimate(83, TimeSpan.FromSeconds(6)),
            "1,000 orders in 30 s since the start leave 200 orders, about 6 s at that pace");

        await Service().RunAsync(EVERY_PAGE, _noTimeLimit);
        var finished = _workBoard.Get(LongWork.Backfill);
        (finished.State, finished.Done, finished.Total, finished.OutcomeKey).Should().Be(
            (WorkState.Succeeded, 1_200L, 1_200L, "Plugins.Misc.Personalization.Progress.Backfill.Completed"));
        finished.OutcomeArguments.Should().Equal("200", "200", "0");
    }

    [Test]
    public async Task DeletedAndCancelledOrdersAreSkipped()
    {
        var complete = await AddOrderAsync(customerId: 1, items: [(1, 1, 1m)]);
        await AddOrderAsync(customerId: 2, deleted: true, items: [(2, 1, 1m)]);
        await AddOrderAsync(customerId: 3, status: OrderStatus.Cancelled, items: [(3, 1, 1m)]);
        var pending = await AddOrderAsync(customerId: 4, status: OrderStatus.Pending, items: [(4, 1, 1m)]);

        var progress = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        (await EventsAsync()).Select(e => e.OrderId).Should().Equal(complete.Id, pending.Id);
        progress.OrdersDone.Should().Be(2);
        progress.Completed.Should().BeTrue();
    }

    [Test]
    public async Task ASecondRunWritesNothing()
    {
        await AddOrderAsync(customerId: 1, items: [(1, 1, 1m), (2, 1, 1m)]);
        await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        var again = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        again.EventsWritten.Should().Be(0);
        again.Completed.Should().BeTrue();
        (await EventsAsync()).Should().HaveCount(2);
    }

    [Test]
    public async Task OrdersWhosePurchasesWereCapturedLiveAreSkipped()
    {
        var captured = await AddOrderAsync(customerId: 1, items: [(1, 1, 5m), (2, 1, 5m)]);
        var notCaptured = await AddOrderAsync(customerId: 2, items: [(3, 1, 5m)]);
        await Shop<PersonalizationEvent>().InsertAsync(new PersonalizationEvent
        {
            StoreId = 1, CustomerId = 1, EventType = PURCHASE, ProductId = 1, Quantity = 1, Value = 5m, OrderId = captured.Id, CreatedOnUtc = captured.CreatedOnUtc
        });

        var progress = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        (progress.OrdersDone, progress.OrdersSkipped, progress.EventsWritten).Should().Be((1, 1, 1));
        (await EventsAsync()).Select(e => (e.OrderId, e.ProductId)).Should().Equal((captured.Id, 1), (notCaptured.Id, 3));
    }

    [Test]
    public async Task AnotherKindOfEventDoesNotMarkAnOrderAsCaptured()
    {
        var order = await AddOrderAsync(customerId: 1, items: [(1, 1, 5m)]);
        await Shop<PersonalizationEvent>().InsertAsync(new PersonalizationEvent
        {
            StoreId = 1, CustomerId = 1, EventType = (int)InteractionType.EmailClick, ProductId = 1, OrderId = order.Id, CreatedOnUtc = order.CreatedOnUtc
        });

        var progress = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        progress.OrdersDone.Should().Be(1);
        (await EventsAsync()).Count(e => e.EventType == PURCHASE).Should().Be(1);
    }

    [Test]
    public async Task ARunStoppedByItsPageBudgetResumesFromTheCheckpoint()
    {
        var orders = await AddManyOrdersAsync(1_200);

        var firstCall = await Service().RunAsync(maxPages: 1, _noTimeLimit);

        firstCall.Should().Be(new BackfillProgress(OrderBackfillService.PAGE_SIZE, 0, OrderBackfillService.PAGE_SIZE, orders[499].Id, orders[^1].Id, false));
        _settings.Load<PersonalizationBackfillState>().LastOrderId.Should().Be(orders[499].Id);

        var secondCall = await Service().RunAsync(maxPages: 1, _noTimeLimit);
        var lastCall = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        (secondCall.OrdersDone, secondCall.LastOrderId, secondCall.Completed).Should().Be((500, orders[999].Id, false));
        (lastCall.OrdersDone, lastCall.OrdersSkipped, lastCall.LastOrderId, lastCall.Completed).Should().Be((200, 0, orders[^1].Id, true));
        var events = await EventsAsync();
        events.Select(e => e.OrderId).Should().Equal(orders.Select(o => o.Id));
    }

    [Test]
    public async Task ACheckpointLostAfterAPageWasWrittenWritesNoDuplicates()
    {
        var orders = await AddManyOrdersAsync(700);
        await Service().RunAsync(maxPages: 1, _noTimeLimit);
        _settings.Save(new PersonalizationBackfillState());

        var rerun = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        (rerun.OrdersDone, rerun.OrdersSkipped, rerun.Completed).Should().Be((200, 500, true));
        (await EventsAsync()).Select(e => e.OrderId).Should().Equal(orders.Select(o => o.Id));
    }

    [Test]
    public async Task BackfillNowStartsOverWithoutDuplicatesAndPicksUpWhatWasMissed()
    {
        var first = await AddOrderAsync(customerId: 1, items: [(1, 1, 1m), (2, 3, 1m)]);
        await Service().RunAsync(EVERY_PAGE, _noTimeLimit);
        _clock.Advance(TimeSpan.FromDays(1));
        var later = await AddOrderAsync(customerId: 2, daysAgo: 0.5, items: [(3, 1, 1m)]);

        await Service().RequestAsync();
        var reset = _settings.Load<PersonalizationBackfillState>();
        var rerun = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        (reset.LastOrderId, reset.UpToOrderId, reset.Completed, reset.RequestedOnUtc).Should().Be((0, 0, false, _clock.GetUtcNow().UtcDateTime));
        (rerun.OrdersDone, rerun.OrdersSkipped, rerun.EventsWritten, rerun.Completed).Should().Be((1, 1, 1, true));
        (await EventsAsync()).Select(e => (e.OrderId, e.ProductId)).Should().Equal((first.Id, 1), (first.Id, 2), (later.Id, 3));
    }

    [Test]
    public async Task BackfillNowPressedDuringARunIsNotOverwrittenByItsCheckpoint()
    {
        await AddManyOrdersAsync(700);
        var pressed = false;
        _settings.AfterSave = saved =>
        {
            if (pressed || saved is not PersonalizationBackfillState)
                return;

            pressed = true;
            _clock.Advance(TimeSpan.FromMinutes(1));
            Service().RequestAsync().GetAwaiter().GetResult();
        };

        var interrupted = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        (interrupted.OrdersDone, interrupted.Completed).Should().Be((500, false));
        var state = _settings.Load<PersonalizationBackfillState>();
        (state.LastOrderId, state.UpToOrderId, state.Completed, state.RequestedOnUtc).Should().Be((0, 0, false, _clock.GetUtcNow().UtcDateTime));
    }

    [Test]
    public async Task OrdersPlacedInTheLastMinutesAreLeftToLiveCapture()
    {
        var settled = await AddOrderAsync(customerId: 1, daysAgo: 11 / (24.0 * 60), items: [(1, 1, 1m)]);
        await AddOrderAsync(customerId: 2, daysAgo: 9 / (24.0 * 60), items: [(2, 1, 1m)]);

        var progress = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        progress.UpToOrderId.Should().Be(settled.Id);
        (await EventsAsync()).Select(e => e.OrderId).Should().Equal(settled.Id);
    }

    [Test]
    public async Task OrdersOlderThanTheRetentionPeriodAreNotBackfilled()
    {
        _settings.Save(new PersonalizationSettings { RetentionDays = 30 });
        await AddOrderAsync(customerId: 1, daysAgo: 31, items: [(1, 1, 1m)]);
        var recent = await AddOrderAsync(customerId: 2, daysAgo: 29, items: [(2, 1, 1m)]);

        await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        (await EventsAsync()).Select(e => e.OrderId).Should().Equal(recent.Id);
    }

    [Test]
    public async Task PurchasersKeepTheirIdOnlyAsFarAsTheStoresConsentSettingAllows()
    {
        _settings.Save(new PersonalizationSettings { Consent = TrackingConsent.CookieBannerAccepted, RetentionDays = 730 }, storeId: 1);
        _settings.Save(new PersonalizationSettings { Consent = TrackingConsent.Nobody, RetentionDays = 730 }, storeId: 2);
        await Shop<GenericAttribute>().InsertAsync(
        [
            Consent(customerId: 1, storeId: 1, "True"),
            Consent(customerId: 2, storeId: 1, "False"),
            Consent(customerId: 3, storeId: 2, "True"),
            Consent(customerId: 4, storeId: 3, "True")
        ]);
        await AddOrderAsync(storeId: 1, customerId: 1, items: [(1, 1, 1m)]);
        await AddOrderAsync(storeId: 1, customerId: 2, items: [(2, 1, 1m)]);
        await AddOrderAsync(storeId: 1, customerId: 3, items: [(3, 1, 1m)]);
        await AddOrderAsync(storeId: 2, customerId: 3, items: [(4, 1, 1m)]);
        await AddOrderAsync(storeId: 3, customerId: 5, items: [(5, 1, 1m)]);

        await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        (await EventsAsync()).Select(e => (e.ProductId, e.CustomerId)).Should().Equal((1, 1), (2, 0), (3, 0), (4, 0), (5, 5));
    }

    [Test]
    public async Task NoOrdersCompletesAtOnce()
    {
        var progress = await Service().RunAsync(EVERY_PAGE, _noTimeLimit);

        progress.Should().Be(new BackfillProgress(0, 0, 0, 0, 0, true));
        _settings.Load<PersonalizationBackfillState>().Completed.Should().BeTrue();
    }

    [Test]
    public async Task TheTaskDoesNothingOnceTheBackfillIsComplete()
    {
        await AddOrderAsync(customerId: 1, items: [(1, 1, 1m)]);
        _settings.Save(new PersonalizationBackfillState { Completed = true });

        await new OrderBackfillTask(Service(), FarmLock()).ExecuteAsync();

        (await EventsAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task TheTaskBackfillsUntilComplete()
    {
        var order = await AddOrderAsync(customerId: 1, items: [(1, 1, 1m)]);

        await new OrderBackfillTask(Service(), FarmLock()).ExecuteAsync();

        (await EventsAsync()).Select(e => e.OrderId).Should().Equal(order.Id);
        _settings.Load<PersonalizationBackfillState>().Completed.Should().BeTrue();
    }

    [Test]
    public async Task TheTaskWaitsForTheNextRunWhileAnotherNodeBackfills()
    {
        await AddOrderAsync(customerId: 1, items: [(1, 1, 1m)]);
        var now = _clock.GetUtcNow().UtcDateTime;
        var otherNode = new PersonalizationLock { Name = OrderBackfillService.LOCK_KEY, Holder = "node-b/1", AcquiredOnUtc = now, ExpiresOnUtc = now.AddMinutes(1) };
        await Repository<PersonalizationLock>().InsertAsync(otherNode);

        try
        {
            await new OrderBackfillTask(Service(), FarmLock()).ExecuteAsync();
        }
        finally
        {
            await Repository<PersonalizationLock>().DeleteAsync(otherNode);
        }

        (await EventsAsync()).Should().BeEmpty();
        _settings.Load<PersonalizationBackfillState>().Completed.Should().BeFalse();
    }

    private FarmLock FarmLock()
    {
        var log = new RecordingShopLog();
        return new FarmLock(log, new LockRows(Repository<PersonalizationLock>(), log, _clock), _clock);
    }

    private OrderBackfillService Service() =>
        new(Shop<PersonalizationEvent>(), Shop<OrderItem>(), Shop<Order>(),
            new PurchaserIds(Shop<GdprLog>(), Shop<GenericAttribute>(), _settings.Service), _settings.Service, _clock, _workBoard);

    private IRepository<TEntity> Shop<TEntity>() where TEntity : BaseEntity => new LinqToDbRepository<TEntity>(_shopOptions);

    private async Task<List<PersonalizationEvent>> EventsAsync() =>
        (await Shop<PersonalizationEvent>().GetAllAsync(query => query.OrderBy(e => e.OrderId).ThenBy(e => e.ProductId))).ToList();

    private async Task<Order> AddOrderAsync(int storeId = 1, int customerId = 1, double daysAgo = 1, OrderStatus status = OrderStatus.Complete,
        bool deleted = false, (int ProductId, int Quantity, decimal UnitPriceExclTax)[] items = null)
    {
        var order = NewOrder(storeId, customerId, daysAgo, status, deleted);
        await Shop<Order>().InsertAsync(order);
        if (items is { Length: > 0 })
            await Shop<OrderItem>().InsertAsync(items.Select(item => NewItem(order.Id, item.ProductId, item.Quantity, item.UnitPriceExclTax)).ToList());

        return order;
    }

    private async Task<IList<Order>> AddManyOrdersAsync(int count)
    {
        var orders = Enumerable.Range(0, count).Select(i => NewOrder(1, 1000 + i, 2, OrderStatus.Complete, false)).ToList();
        await Shop<Order>().InsertAsync(orders);
        await Shop<OrderItem>().InsertAsync(orders.Select(order => NewItem(order.Id, 1, 1, 1m)).ToList());

        return orders.OrderBy(order => order.Id).ToList();
    }

    private Order NewOrder(int storeId, int customerId, double daysAgo, OrderStatus status, bool deleted) => new()
    {
        OrderGuid = Guid.NewGuid(),
        StoreId = storeId,
        CustomerId = customerId,
        OrderStatusId = (int)status,
        CurrencyRate = 1m,
        OrderTotal = 10m,
        Deleted = deleted,
        CreatedOnUtc = _clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo)
    };

    private static OrderItem NewItem(int orderId, int productId, int quantity, decimal unitPriceExclTax) => new()
    {
        OrderItemGuid = Guid.NewGuid(),
        OrderId = orderId,
        ProductId = productId,
        Quantity = quantity,
        UnitPriceExclTax = unitPriceExclTax,
        UnitPriceInclTax = unitPriceExclTax * 1.2m,
        PriceExclTax = unitPriceExclTax * quantity,
        PriceInclTax = unitPriceExclTax * quantity * 1.2m
    };

    private static GenericAttribute Consent(int customerId, int storeId, string value) => new()
    {
        EntityId = customerId,
        KeyGroup = nameof(Customer),
        Key = NopCustomerDefaults.EuCookieLawAcceptedAttribute,
        Value = value,
        StoreId = storeId
    };
}

using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Services.Configuration;

using Nop.Plugin.Misc.Personalization.Services.Progress;

namespace Nop.Plugin.Misc.Personalization.Services.Backfill;

/// <summary>
/// Turns the shop's existing orders into purchase events, a page of orders at a time in ascending id order from a
/// saved checkpoint. Orders whose purchases are already recorded (live or by an earlier run) are skipped, so running
/// again, resuming after a crash or starting over never writes a purchase twice.
/// </summary>
public class OrderBackfillService
{
    public const int PAGE_SIZE = 500;

    /// <summary>Progress stages shown on the configuration page: orders being read, and waiting for the next run.</summary>
    public const string STAGE_ORDERS = "Orders";
    public const string STAGE_NEXT_RUN = "NextRun";

    /// <summary>
    /// The farm lock the scheduled task and the admin's immediate run both take, so no two runs on any nodes work on the
    /// same orders at once. Renewed while a run lasts; the expiry only bounds how long a node that stopped keeps it.
    /// </summary>
    public const string LOCK_KEY = "Nop.Plugin.Misc.Personalization.Backfill";
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(5);

    //orders placed this recently are left to live capture, whose events may still be on their way to the database
    private static readonly TimeSpan _settlePeriod = TimeSpan.FromMinutes(10);

    private const int PURCHASE = (int)InteractionType.Purchase;

    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly IRepository<OrderItem> _orderItemRepository;
    private readonly IRepository<Order> _orderRepository;
    private readonly PurchaserIds _purchaserIds;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;
    private readonly LongWorkBoard _workBoard;

    public OrderBackfillService(IRepository<PersonalizationEvent> eventRepository,
        IRepository<OrderItem> orderItemRepository,
        IRepository<Order> orderRepository,
        PurchaserIds purchaserIds,
        ISettingService settingService,
        TimeProvider timeProvider,
        LongWorkBoard workBoard)
    {
        _eventRepository = eventRepository;
        _orderItemRepository = orderItemRepository;
        _orderRepository = orderRepository;
        _purchaserIds = purchaserIds;
        _settingService = settingService;
        _timeProvider = timeProvider;
        _workBoard = workBoard;
    }

    public Task<PersonalizationBackfillState> GetStateAsync() => _settingService.LoadSettingAsync<PersonalizationBackfillState>();

    /// <summary>
    /// "Backfill now": starts over from the first order; the scheduled task picks it up on its next run.
    /// </summary>
    public Task RequestAsync() =>
        _settingService.SaveSettingAsync(new PersonalizationBackfillState { RequestedOnUtc = _timeProvider.GetUtcNow().UtcDateTime });

    /// <summary>
    /// Backfills pages until everything is done, <paramref name="maxPages"/> pages are done or <paramref name="timeBudget"/>
    /// has passed (checked before each page). Does nothing once the backfill is complete.
    /// </summary>
    public async Task<BackfillProgress> RunAsync(int maxPages, TimeSpan timeBudget)
    {
        var startedAt = _timeProvider.GetTimestamp();
        var state = await GetStateAsync();
        var run = new RunCounters();
        if (state.Completed)
            return Progress(state, run);

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (state.UpToOrderId == 0)
        {
            state.UpToOrderId = await NewestSettledOrderIdAsync(now);
            if (state.UpToOrderId == 0)
                MarkCompleted(state, now);
            await _settingService.SaveSettingAsync(state);
        }

        var notBeforeUtc = await RetentionCutoffAsync(now);
        var (doneBefore, total) = await CountOrdersAsync(state, notBeforeUtc);
        _workBoard.Start(LongWork.Backfill, doneBefore, total, STAGE_ORDERS);
        try
        {
            for (var page = 0; page < maxPages && !state.Completed && _timeProvider.GetElapsedTime(startedAt) < timeBudget; page++)
            {
                var orders = await NextOrdersAsync(state, notBeforeUtc);
                if (orders.Count > 0)
                {
                    await BackfillAsync(orders, state, run);
                    state.LastOrderId = orders[^1].Id;
                }

                if (orders.Count < PAGE_SIZE || state.LastOrderId >= state.UpToOrderId)
                    MarkCompleted(state, _timeProvider.GetUtcNow().UtcDateTime);

                //"Backfill now" was pressed meanwhile: its fresh start wins over this checkpoint
                if (await WasRequestedAgainAsync(state))
                    break;

                await _settingService.SaveSettingAsync(state);
                _workBoard.Step(LongWork.Backfill, doneBefore + run.OrdersDone + run.OrdersSkipped, total, STAGE_ORDERS);
            }
        }
        catch
        {
            _workBoard.Finish(LongWork.Backfill, false, "Plugins.Misc.Personalization.Progress.Backfill.Failed");
            throw;
        }

        if (state.Completed)
        {
            _workBoard.Finish(LongWork.Backfill, true, "Plugins.Misc.Personalization.Progress.Backfill.Completed",
                Invariant(run.OrdersDone), Invariant(run.EventsWritten), Invariant(run.OrdersSkipped));
        }
        else
            _workBoard.Step(LongWork.Backfill, doneBefore + run.OrdersDone + run.OrdersSkipped, total, STAGE_NEXT_RUN);

        return Progress(state, run);
    }

    /// <summary>
    /// Orders the whole backfill covers, and how many of them earlier runs did: two counts by primary key range.
    /// </summary>
    private async Task<(long Done, long Total)> CountOrdersAsync(PersonalizationBackfillState state, DateTime? notBeforeUtc)
    {
        var upToId = state.UpToOrderId;
        var lastId = state.LastOrderId;
        var cancelled = (int)OrderStatus.Cancelled;

        async Task<long> CountAsync(int toId) => (await _orderRepository.GetAllPagedAsync(query =>
        {
            query = query.Where(order => order.Id <= toId && !order.Deleted && order.OrderStatusId != cancelled);
            if (notBeforeUtc is { } notBefore)
                query = query.Where(order => order.CreatedOnUtc >= notBefore);
            return query;
        }, 0, 1, getOnlyTotalCount: true)).TotalCount;

        var total = await CountAsync(upToId);
        return (lastId > 0 ? await CountAsync(lastId) : 0, total);
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task BackfillAsync(IList<Order> orders, PersonalizationBackfillState state, RunCounters run)
    {
        var recorded = await OrdersWithPurchasesAsync(orders[0].Id, orders[^1].Id);
        var pending = orders.Where(order => !recorded.Contains(order.Id)).ToList();
        run.OrdersSkipped += orders.Count - pending.Count;
        if (pending.Count == 0)
            return;

        var pendingIds = pending.Select(order => order.Id).ToList();
        var items = await _orderItemRepository.GetAllAsync(query => query
            .Where(item => pendingIds.Contains(item.OrderId))
            .OrderBy(item => item.Id));
        var itemsByOrder = items.ToLookup(item => item.OrderId);

        var events = new List<PersonalizationEvent>(items.Count);
        foreach (var storeOrders in pending.GroupBy(order => order.StoreId))
        {
            var purchaserId = await _purchaserIds.ForStoreAsync(storeOrders.Key, storeOrders.Select(order => order.CustomerId).ToList());
            foreach (var order in storeOrders)
                events.AddRange(itemsByOrder[order.Id].Select(item => Purchase(order, item, purchaserId(order.CustomerId))));
        }

        //a list insert is one bulk copy; nobody listens to these entity events
        if (events.Count > 0)
            await _eventRepository.InsertAsync(events, publishEvent: false);

        run.OrdersDone += pending.Count;
        run.EventsWritten += events.Count;
        state.OrdersBackfilled += pending.Count;
        state.EventsWritten += events.Count;
    }

    private static PersonalizationEvent Purchase(Order order, OrderItem item, int customerId) => new()
    {
        StoreId = order.StoreId,
        CustomerId = customerId,
        EventType = PURCHASE,
        ProductId = item.ProductId,
        Quantity = item.Quantity,
        //order amounts are kept in the primary store currency
        Value = item.UnitPriceExclTax,
        OrderId = order.Id,
        CreatedOnUtc = order.CreatedOnUtc
    };

    private Task<IList<Order>> NextOrdersAsync(PersonalizationBackfillState state, DateTime? notBeforeUtc)
    {
        var afterId = state.LastOrderId;
        var upToId = state.UpToOrderId;
        var cancelled = (int)OrderStatus.Cancelled;

        return _orderRepository.GetAllAsync(query =>
        {
            query = query.Where(order => order.Id > afterId && order.Id <= upToId && !order.Deleted && order.OrderStatusId != cancelled);
            if (notBeforeUtc is { } notBefore)
                query = query.Where(order => order.CreatedOnUtc >= notBefore);

            return query.OrderBy(order => order.Id).Take(PAGE_SIZE);
        });
    }

    private async Task<HashSet<int>> OrdersWithPurchasesAsync(int firstOrderId, int lastOrderId)
    {
        var purchases = await _eventRepository.GetAllAsync(query => query
            .Where(e => e.EventType == PURCHASE && e.OrderId >= firstOrderId && e.OrderId <= lastOrderId));

        return purchases.Select(e => e.OrderId).ToHashSet();
    }

    private async Task<int> NewestSettledOrderIdAsync(DateTime now)
    {
        var settledBeforeUtc = now - _settlePeriod;
        var newest = await _orderRepository.GetAllAsync(query => query
            .Where(order => order.CreatedOnUtc <= settledBeforeUtc)
            .OrderByDescending(order => order.Id)
            .Take(1));

        return newest.Count == 0 ? 0 : newest[0].Id;
    }

    /// <summary>
    /// Events past the retention period would be deleted by the cleanup task the next day, so they are not written.
    /// </summary>
    private async Task<DateTime?> RetentionCutoffAsync(DateTime now)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>();

        return settings.RetentionDays > 0 ? now.AddDays(-settings.RetentionDays) : null;
    }

    private async Task<bool> WasRequestedAgainAsync(PersonalizationBackfillState state)
    {
        var saved = await GetStateAsync();

        return saved.RequestedOnUtc != state.RequestedOnUtc;
    }

    private static void MarkCompleted(PersonalizationBackfillState state, DateTime now)
    {
        state.Completed = true;
        state.CompletedOnUtc = now;
    }

    private static BackfillProgress Progress(PersonalizationBackfillState state, RunCounters run) =>
        new(run.OrdersDone, run.OrdersSkipped, run.EventsWritten, state.LastOrderId, state.UpToOrderId, state.Completed);

    private sealed class RunCounters
    {
        public int OrdersDone { get; set; }

        public int OrdersSkipped { get; set; }

        public int EventsWritten { get; set; }
    }
}

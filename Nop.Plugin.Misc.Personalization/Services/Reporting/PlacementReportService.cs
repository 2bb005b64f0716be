using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Reporting;

/// <summary>
/// Per placement renders, clicks, CTR and attributed orders over a period, plus the holdout lift, and per e-mail kind
/// sends, opens, clicks and attributed orders (<see cref="EmailAttribution"/>), for the admin page.
/// </summary>
/// <remarks>
/// Impressions come from the daily counters (<see cref="ImpressionCountStore"/>), whole days, up to the last flush
/// (seconds ago); clicks and purchases are read in id-ordered pages and attributed by
/// <see cref="Attribution"/>. The lift needs each seen customer's GUID (the holdout is a hash of it): those are read
/// in batches, and skipped above <see cref="MAX_LIFT_CUSTOMERS"/> customers.
/// </remarks>
public class PlacementReportService
{
    public const int PAGE_SIZE = 5_000;
    public const int CUSTOMER_BATCH = 1_000;
    public const int MAX_LIFT_CUSTOMERS = 100_000;
    public const int DEFAULT_DAYS = 30;

    public static IReadOnlyList<int> Periods { get; } = [7, 30, 90];

    private const int IMPRESSION = (int)InteractionType.RecommendationImpression;
    private const int CLICK = (int)InteractionType.RecommendationClick;
    private const int PURCHASE = (int)InteractionType.Purchase;
    private const int EMAIL_OPEN = (int)InteractionType.EmailOpen;
    private const int EMAIL_CLICK = (int)InteractionType.EmailClick;

    private readonly IRepository<Customer> _customerRepository;
    private readonly EmailSendLog _emailSendLog;
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly ImpressionCountStore _impressionCounts;
    private readonly IPlacementService _placementService;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    public PlacementReportService(IRepository<Customer> customerRepository,
        EmailSendLog emailSendLog,
        IRepository<PersonalizationEvent> eventRepository,
        ImpressionCountStore impressionCounts,
        IPlacementService placementService,
        ISettingService settingService,
        TimeProvider timeProvider)
    {
        _customerRepository = customerRepository;
        _emailSendLog = emailSendLog;
        _eventRepository = eventRepository;
        _impressionCounts = impressionCounts;
        _placementService = placementService;
        _settingService = settingService;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// A period the page offers; anything else falls back to the default.
    /// </summary>
    public static int NormalizeDays(int days) => Periods.Contains(days) ? days : DEFAULT_DAYS;

    /// <param name="storeScope">0 = every store, otherwise that store's events and placements.</param>
    public async Task<PlacementReport> BuildAsync(int storeScope, int days)
    {
        var toUtc = _timeProvider.GetUtcNow().UtcDateTime;
        var period = new Period(storeScope, toUtc.AddDays(-NormalizeDays(days)), toUtc);

        var placements = await _placementService.GetPlacementsAsync(storeScope);
        var impressions = await ImpressionsAsync(period);
        var read = await ClicksAndPurchasesAsync(period);
        //e-mail events are measured on their own; the widgets' attribution and lift see only widget clicks and purchases
        var events = read.Where(e => !IsEmail(e.Type)).ToList();
        //sends come from the send log, the one record of them; opens, clicks and orders from the events
        var sent = await _emailSendLog.CountByKindAsync(period.StoreId, period.FromUtc, period.ToUtc);
        var emails = EmailAttribution.Measure(read, sent, Attribution.DefaultWindow);
        var daily = DailySeries.Build(period.FromUtc, period.ToUtc,
            (await _impressionCounts.DailyAsync(period.StoreId, period.FromUtc, period.ToUtc)).Select(day => (Key(day.PlacementId), day.DayUtc, day.Renders)),
            events);

        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeScope);
        var holdoutPercent = Math.Clamp(settings.HoldoutPercent, 0, SettingsLimits.MAX_HOLDOUT_PERCENT);
        var liftStatus = LiftStatus.NoHoldout;
        var heldOut = new HashSet<int>();
        if (holdoutPercent > 0)
        {
            var seen = await SeenCustomersAsync(period);
            liftStatus = seen.Count > MAX_LIFT_CUSTOMERS ? LiftStatus.TooManyCustomers : LiftStatus.Computed;
            if (liftStatus == LiftStatus.Computed)
            {
                heldOut = await HeldOutAsync(seen, holdoutPercent);
                //Attribution counts a customer as seen from any event other than impressions and clicks
                events.AddRange(seen.Select(customerId => new MeasurementEvent(customerId, InteractionType.View, 0, null, 0, 0, 0m, period.FromUtc)));
            }
        }

        var attribution = Attribution.Measure(events, heldOut.Contains);

        var lift = liftStatus == LiftStatus.Computed
            ? new HoldoutLift(LiftStatus.Computed, holdoutPercent, attribution.Treated, attribution.HeldOut)
            : HoldoutLift.NotComputed(liftStatus, holdoutPercent);

        return new PlacementReport(period.FromUtc, period.ToUtc, Rows(placements, impressions, attribution), lift, daily) { Emails = emails };
    }

    private static bool IsEmail(InteractionType type) =>
        type is InteractionType.EmailSent or InteractionType.EmailOpen or InteractionType.EmailClick;

    private static List<PlacementReportRow> Rows(IList<PersonalizationPlacement> placements,
        Dictionary<string, PlacementCounts> impressions, AttributionReport attribution)
    {
        var measured = attribution.Placements.ToDictionary(p => p.Placement, StringComparer.Ordinal);
        var byKey = placements.ToDictionary(p => Key(p.Id), StringComparer.Ordinal);

        return byKey.Keys.Union(measured.Keys).Union(impressions.Keys)
            .Select(key =>
            {
                var performance = measured.TryGetValue(key, out var found) ? found : new PlacementPerformance(key, 0, 0, 0, 0, 0, 0m);
                if (impressions.TryGetValue(key, out var shown))
                    performance = performance with { Impressions = shown.Renders, ProductsShown = shown.ProductsShown };

                return new PlacementReportRow(key, byKey.GetValueOrDefault(key), performance);
            })
            //the admin's own order first, then placements that were deleted since
            .OrderBy(row => row.Placement == null)
            .ThenBy(row => row.Placement == null ? 0 : placements.IndexOf(row.Placement))
            .ThenBy(row => row.PlacementKey, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<Dictionary<string, PlacementCounts>> ImpressionsAsync(Period period)
    {
        var counted = await _impressionCounts.SumAsync(period.StoreId, period.FromUtc, period.ToUtc);

        return counted.ToDictionary(pair => Key(pair.Key), pair => pair.Value, StringComparer.Ordinal);
    }

    private async Task<List<MeasurementEvent>> ClicksAndPurchasesAsync(Period period)
    {
        var events = new List<MeasurementEvent>();
        var afterId = 0;
        while (true)
        {
            var lastId = afterId;
            var page = await _eventRepository.GetAllAsync(query => InPeriod(query, period)
                .Where(e => e.Id > lastId && (e.EventType == CLICK || e.EventType == PURCHASE
                    || e.EventType == EMAIL_OPEN || e.EventType == EMAIL_CLICK))
                .OrderBy(e => e.Id)
                .Take(PAGE_SIZE)
                .Select(e => new PersonalizationEvent
                {
                    Id = e.Id,
                    CustomerId = e.CustomerId,
                    EventType = e.EventType,
                    ProductId = e.ProductId,
                    Placement = e.Placement,
                    OrderId = e.OrderId,
                    Quantity = e.Quantity,
                    Value = e.Value,
                    CreatedOnUtc = e.CreatedOnUtc
                }));

            events.AddRange(page.Select(e => new MeasurementEvent(e.CustomerId, (InteractionType)e.EventType, e.ProductId, e.Placement,
                e.OrderId, e.Quantity, e.Value, e.CreatedOnUtc)));

            if (page.Count < PAGE_SIZE)
                return events;

            afterId = page[^1].Id;
        }
    }

    /// <returns>Customers with any event other than impressions and clicks, at most one more than the lift looks up.</returns>
    private async Task<List<int>> SeenCustomersAsync(Period period)
    {
        var customers = await _eventRepository.GetAllAsync(query => InPeriod(query, period)
            .Where(e => e.CustomerId != 0 && e.EventType != IMPRESSION && e.EventType != CLICK && e.EventType != EMAIL_OPEN)
            .GroupBy(e => e.CustomerId)
            .Select(group => new PersonalizationEvent { CustomerId = group.Key })
            .OrderBy(e => e.CustomerId)
            .Take(MAX_LIFT_CUSTOMERS + 1));

        return customers.Select(e => e.CustomerId).ToList();
    }

    private async Task<HashSet<int>> HeldOutAsync(List<int> customerIds, int holdoutPercent)
    {
        var heldOut = new HashSet<int>();
        foreach (var batch in customerIds.Chunk(CUSTOMER_BATCH))
        {
            var customers = await _customerRepository.GetAllAsync(query => query
                .Where(customer => batch.Contains(customer.Id))
                .Select(customer => new Customer { Id = customer.Id, CustomerGuid = customer.CustomerGuid }));

            foreach (var customer in customers.Where(c => HoldoutAssignment.IsHeldOut(c.CustomerGuid, holdoutPercent)))
                heldOut.Add(customer.Id);
        }

        return heldOut;
    }

    private static IQueryable<PersonalizationEvent> InPeriod(IQueryable<PersonalizationEvent> query, Period period)
    {
        var (storeId, fromUtc, toUtc) = period;
        query = query.Where(e => e.CreatedOnUtc >= fromUtc && e.CreatedOnUtc <= toUtc);

        return storeId > 0 ? query.Where(e => e.StoreId == storeId) : query;
    }

    private static string Key(int placementId) => PlacementTracking.PlacementText(placementId);

    private sealed record Period(int StoreId, DateTime FromUtc, DateTime ToUtc);
}

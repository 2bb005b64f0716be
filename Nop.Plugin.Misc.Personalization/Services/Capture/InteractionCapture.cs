using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.Cms;

namespace Nop.Plugin.Misc.Personalization.Services.Capture;

/// <summary>
/// The one door from nopCommerce's events into the plugin: applies the guards (plugin active, enabled, robots,
/// consent), then hands the interaction to the in-memory live activity and the bounded sink. Never touches the database.
/// </summary>
public class InteractionCapture
{
    public const int MAX_QUERY_LENGTH = 200;
    public const int MAX_PLACEMENT_LENGTH = 100;

    private readonly IPersonalizationConsent _consent;
    private readonly ILiveActivity _liveActivity;
    private readonly PersonalizationSettings _settings;
    private readonly IEventSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly IWidgetPluginManager _widgetPluginManager;

    public InteractionCapture(IPersonalizationConsent consent,
        ILiveActivity liveActivity,
        PersonalizationSettings settings,
        IEventSink sink,
        TimeProvider timeProvider,
        IWidgetPluginManager widgetPluginManager)
    {
        _consent = consent;
        _liveActivity = liveActivity;
        _settings = settings;
        _sink = sink;
        _timeProvider = timeProvider;
        _widgetPluginManager = widgetPluginManager;
    }

    /// <returns>Whether the interaction was accepted (false when a guard said no or the buffer was full).</returns>
    public async Task<bool> CaptureAsync(Customer customer, int storeId, InteractionType type, int productId,
        int quantity = 1, decimal value = 0m, int orderId = 0, string query = null, string placement = null)
    {
        if (customer == null || !await IsCapturingAsync(customer, storeId))
            return false;

        //without consent the event still counts for the anonymous aggregates (trending), but carries no customer
        var identified = await _consent.MayIdentifyAsync(customer, storeId);
        var customerId = identified ? customer.Id : 0;
        var now = _timeProvider.GetUtcNow().UtcDateTime;

        //live history is personal: anonymous visitors must not share one under customer 0
        if (identified)
            _liveActivity.Record(new Interaction(storeId, customerId, productId, type, now, quantity, value, orderId));

        return _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent
        {
            StoreId = storeId,
            CustomerId = customerId,
            EventType = (byte)type,
            ProductId = productId,
            Quantity = quantity,
            Value = value,
            OrderId = identified ? orderId : 0,
            Query = StoredText.Clean(query, MAX_QUERY_LENGTH),
            Placement = StoredText.Clean(placement, MAX_PLACEMENT_LENGTH),
            CreatedOnUtc = now
        }));
    }

    /// <summary>
    /// A guest logged in to an existing account: their history follows them.
    /// </summary>
    public async Task<bool> MergeGuestAsync(Customer guest, Customer customer, int storeId)
    {
        if (guest == null || customer == null || guest.Id == customer.Id || !await IsCapturingAsync(customer, storeId))
            return false;
        //the guest's identified history must not become the history of a customer who may not be identified
        if (!await _consent.MayIdentifyAsync(customer, storeId))
            return false;

        _liveActivity.Move(guest.Id, customer.Id);

        return _sink.TryEnqueue(CaptureItem.Merge(guest.Id, customer.Id));
    }

    public async Task<bool> IsCapturingAsync(Customer customer, int storeId)
    {
        if (!_settings.Enabled || IsRobotOrTask(customer))
            return false;

        return await _widgetPluginManager.IsPluginActiveAsync(PersonalizationDefaults.SystemName, customer, storeId);
    }

    private static bool IsRobotOrTask(Customer customer) =>
        customer.IsSystemAccount
        || string.Equals(customer.SystemName, NopCustomerDefaults.SearchEngineCustomerName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(customer.SystemName, NopCustomerDefaults.BackgroundTaskCustomerName, StringComparison.OrdinalIgnoreCase);
}

using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Services.Cms;
using Nop.Services.Common;

namespace Nop.Plugin.Misc.Personalization.Services.Capture;

/// <summary>
/// The one door from nopCommerce's events into the plugin: applies the guards (plugin active, enabled, robots,
/// consent), then hands the interaction to the in-memory live activity and the bounded sink. Never touches the database.
/// </summary>
public class InteractionCapture
{
    public const int MAX_QUERY_LENGTH = 200;
    public const int MAX_PLACEMENT_LENGTH = 100;

    private readonly IGenericAttributeService _genericAttributeService;
    private readonly ILiveActivity _liveActivity;
    private readonly PersonalizationSettings _settings;
    private readonly IEventSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly IWidgetPluginManager _widgetPluginManager;

    public InteractionCapture(IGenericAttributeService genericAttributeService,
        ILiveActivity liveActivity,
        PersonalizationSettings settings,
        IEventSink sink,
        TimeProvider timeProvider,
        IWidgetPluginManager widgetPluginManager)
    {
        _genericAttributeService = genericAttributeService;
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

        var customerId = await IdentifiableIdAsync(customer, storeId);
        var now = _timeProvider.GetUtcNow().UtcDateTime;

        _liveActivity.Record(new Interaction(storeId, customerId, productId, type, now, quantity, value, orderId));

        return _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent
        {
            StoreId = storeId,
            CustomerId = customerId,
            EventType = (byte)type,
            ProductId = productId,
            Quantity = quantity,
            Value = value,
            OrderId = orderId,
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

    /// <summary>
    /// Without consent the event still counts for anonymous aggregates (trending), but carries no customer.
    /// </summary>
    private async Task<int> IdentifiableIdAsync(Customer customer, int storeId)
    {
        return _settings.Consent switch
        {
            TrackingConsent.Everyone => customer.Id,
            TrackingConsent.ConsentedOnly => await _genericAttributeService.GetAttributeAsync<bool>(customer, NopCustomerDefaults.EuCookieLawAcceptedAttribute, storeId)
                ? customer.Id
                : 0,
            _ => 0
        };
    }
}

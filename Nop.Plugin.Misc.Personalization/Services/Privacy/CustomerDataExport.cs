using System.Globalization;
using System.Text.Json;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Services.Common;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Everything the plugin holds on one customer as one JSON document, for a data-access request: what was recorded
/// (every event), what was inferred per store (profile, affinities, segments), what is predicted, and when the last
/// reminder e-mail went out. Names are resolved as the admin customer block shows them; ids stay beside them. Events
/// are read in pages and written as they come, so a long history never sits in memory at once.
/// </summary>
public class CustomerDataExport
{
    public const string CONTENT_TYPE = "application/json";
    public const int EVENT_PAGE_SIZE = 2_000;

    private static readonly int _priceBandCount = new ProfileOptions().PriceBandCount;

    private readonly IRepository<PersonalizationEmailSend> _emailSendRepository;
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly ILocalizationService _localizationService;
    private readonly IRepository<PersonalizationPrediction> _predictionRepository;
    private readonly IRepository<PersonalizationProfile> _profileRepository;
    private readonly IRepository<PersonalizationSegment> _segmentRepository;
    private readonly ShopNames _shopNames;
    private readonly TimeProvider _timeProvider;

    public CustomerDataExport(IRepository<PersonalizationEvent> eventRepository,
        IGenericAttributeService genericAttributeService,
        ILocalizationService localizationService,
        IRepository<PersonalizationPrediction> predictionRepository,
        IRepository<PersonalizationProfile> profileRepository,
        IRepository<PersonalizationSegment> segmentRepository,
        ShopNames shopNames,
        TimeProvider timeProvider,
        IRepository<PersonalizationEmailSend> emailSendRepository)
    {
        _emailSendRepository = emailSendRepository;
        _eventRepository = eventRepository;
        _genericAttributeService = genericAttributeService;
        _localizationService = localizationService;
        _predictionRepository = predictionRepository;
        _profileRepository = profileRepository;
        _segmentRepository = segmentRepository;
        _shopNames = shopNames;
        _timeProvider = timeProvider;
    }

    public static string FileName(int customerId) => $"personalization-customer-{customerId.ToString(CultureInfo.InvariantCulture)}.json";

    /// <summary>The document as UTF-8 bytes.</summary>
    public async Task<byte[]> ExportAsync(int customerId, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(customerId, buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Writes the document as UTF-8 to <paramref name="output"/>.</summary>
    public async Task WriteAsync(int customerId, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var storeNames = (await _shopNames.StoresAsync()).ToDictionary(store => store.Id, store => store.Name);

        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        WriteHeader(json, customerId);

        json.WritePropertyName("reminders");
        json.WriteStartObject();
        var lastReminder = await _genericAttributeService.GetAttributeAsync<Customer, DateTime?>(customerId, Replenishment.ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE);
        WriteTime(json, "lastReminderSentOnUtc", lastReminder);
        json.WriteEndObject();

        await WriteEmailsSentAsync(json, customerId, storeNames);
        await WriteProfilesAsync(json, customerId, storeNames);
        await WritePredictionsAsync(json, customerId, storeNames);
        await WriteEventsAsync(json, customerId, storeNames, cancellationToken);

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private void WriteHeader(Utf8JsonWriter json, int customerId)
    {
        json.WritePropertyName("about");
        json.WriteStartObject();
        json.WriteString("what", "Everything the shop's personalization plugin (nopCommerce, Misc.Personalization) holds on one customer.");
        json.WriteString("events", "What the customer did in the shop, as recorded for recommendations: product views, searches, cart, wishlist, purchases, recommendations shown and clicked.");
        json.WriteString("profiles", "What was inferred per store from those events: recency, frequency and monetary scores (1 to 5), lifecycle stage, affinities to categories, manufacturers and price bands, and segments.");
        json.WriteString("predictions", "Products the customer is expected to buy again or next, and when a reminder e-mail about them was sent.");
        json.WriteString("reminders", "When the last replenishment reminder e-mail was sent to the customer.");
        json.WriteString("emailsSent", "Every e-mail of the plugin sent to the customer (kind, store, time), kept to space e-mails out and to count them per kind.");
        json.WriteNumber("customerId", customerId);
        json.WriteString("exportedOnUtc", _timeProvider.GetUtcNow().UtcDateTime);
        json.WriteEndObject();
    }

    private async Task WriteProfilesAsync(Utf8JsonWriter json, int customerId, IReadOnlyDictionary<int, string> storeNames)
    {
        var profiles = await _profileRepository.GetAllAsync(query => query
            .Where(profile => profile.CustomerId == customerId)
            .OrderBy(profile => profile.StoreId)
            .ThenBy(profile => profile.Id));

        var affinities = profiles.ToDictionary(profile => profile.Id,
            profile => AffinityText.TryParse(profile.Affinities, out var parsed, out _) ? parsed : Array.Empty<Affinity>());
        var all = affinities.Values.SelectMany(list => list).ToList();
        var categoryNames = await _shopNames.CategoriesAsync(IdsOf(all, AffinityKind.Category));
        var manufacturerNames = await _shopNames.ManufacturersAsync(IdsOf(all, AffinityKind.Manufacturer));
        var segmentIds = profiles.SelectMany(profile => ProfileSegmentIds.Parse(profile.SegmentIds)).Distinct().ToList();
        var segmentNames = segmentIds.Count == 0
            ? new Dictionary<int, string>()
            : (await _segmentRepository.GetByIdsAsync(segmentIds)).ToDictionary(segment => segment.Id, segment => segment.Name);

        json.WritePropertyName("profiles");
        json.WriteStartArray();
        foreach (var profile in profiles)
        {
            json.WriteStartObject();
            WriteStore(json, profile.StoreId, storeNames);
            json.WriteString("lifecycle", await TextAsync(CustomerInsightResources.Lifecycle((LifecycleStage)profile.LifecycleStage), profile.LifecycleStage));
            json.WriteNumber("recency", profile.Recency);
            json.WriteNumber("frequency", profile.Frequency);
            json.WriteNumber("monetary", profile.Monetary);
            json.WriteNumber("orders", profile.Orders);
            json.WriteNumber("totalSpent", profile.TotalSpent);
            WriteTime(json, "lastOrderOnUtc", profile.LastOrderOnUtc);
            if (profile.MedianGapDays is { } gap)
                json.WriteNumber("medianDaysBetweenOrders", gap);
            else
                json.WriteNull("medianDaysBetweenOrders");
            WriteOptional(json, "probabilityStillACustomer", profile.ProbabilityAlive);
            WriteOptional(json, "expectedPurchasesNext90Days", profile.ExpectedPurchases90Days);
            WriteEmailEngagement(json, profile);
            WriteTime(json, "computedOnUtc", profile.LastComputedOnUtc);

            json.WritePropertyName("affinities");
            json.WriteStartArray();
            foreach (var affinity in affinities[profile.Id])
            {
                json.WriteStartObject();
                json.WriteString("kind", await TextAsync(CustomerInsightResources.Affinity(affinity.Kind), affinity.Kind));
                json.WriteNumber("id", affinity.Id);
                json.WriteString("name", affinity.Kind switch
                {
                    AffinityKind.Category => NameOf(categoryNames, affinity.Id),
                    AffinityKind.Manufacturer => NameOf(manufacturerNames, affinity.Id),
                    _ => string.Format(CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync(CustomerInsightResources.PRICE_BAND),
                        affinity.Id, _priceBandCount)
                });
                json.WriteNumber("score", Math.Round(affinity.Score, AffinityText.DECIMALS));
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WritePropertyName("segments");
            json.WriteStartArray();
            foreach (var id in ProfileSegmentIds.Parse(profile.SegmentIds))
                json.WriteStringValue(NameOf(segmentNames, id));
            json.WriteEndArray();

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private async Task WritePredictionsAsync(Utf8JsonWriter json, int customerId, IReadOnlyDictionary<int, string> storeNames)
    {
        var predictions = await _predictionRepository.GetAllAsync(query => query
            .Where(prediction => prediction.CustomerId == customerId)
            .OrderBy(prediction => prediction.StoreId)
            .ThenBy(prediction => prediction.DueOnUtc)
            .ThenBy(prediction => prediction.Id));
        var productNames = await _shopNames.ProductsAsync(predictions.Select(prediction => prediction.ProductId)
            .Concat(predictions.Where(prediction => prediction.AnchorProductId > 0).Select(prediction => prediction.AnchorProductId))
            .Distinct().ToList());

        json.WritePropertyName("predictions");
        json.WriteStartArray();
        foreach (var prediction in predictions)
        {
            json.WriteStartObject();
            WriteStore(json, prediction.StoreId, storeNames);
            json.WriteString("kind", await TextAsync(CustomerInsightResources.Prediction((PredictionKind)prediction.Kind), prediction.Kind));
            json.WriteNumber("productId", prediction.ProductId);
            json.WriteString("productName", NameOf(productNames, prediction.ProductId));
            WriteTime(json, "dueOnUtc", prediction.DueOnUtc);
            json.WriteNumber("score", prediction.Score);
            WriteTime(json, "emailedOnUtc", prediction.EmailedOnUtc);
            //a complement names the purchase it follows: that purchase is the customer's data too
            if (prediction.AnchorProductId > 0)
            {
                json.WriteNumber("afterProductId", prediction.AnchorProductId);
                json.WriteString("afterProductName", NameOf(productNames, prediction.AnchorProductId));
                WriteTime(json, "afterPurchaseOnUtc", prediction.AnchorOnUtc);
            }
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private async Task WriteEventsAsync(Utf8JsonWriter json, int customerId, IReadOnlyDictionary<int, string> storeNames,
        CancellationToken cancellationToken)
    {
        var typeNames = new Dictionary<int, string>();
        json.WritePropertyName("events");
        json.WriteStartArray();
        var afterId = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var after = afterId;
            var page = await _eventRepository.GetAllAsync(query => query
                .Where(e => e.CustomerId == customerId && e.Id > after)
                .OrderBy(e => e.Id)
                .Take(EVENT_PAGE_SIZE));
            if (page.Count == 0)
                break;

            var productNames = await _shopNames.ProductsAsync(page.Where(e => e.ProductId > 0).Select(e => e.ProductId).Distinct().ToList());
            foreach (var e in page)
            {
                if (!typeNames.TryGetValue(e.EventType, out var typeName))
                    typeNames[e.EventType] = typeName = await TextAsync(CustomerInsightResources.Interaction((InteractionType)e.EventType), e.EventType);

                json.WriteStartObject();
                WriteTime(json, "createdOnUtc", e.CreatedOnUtc);
                WriteStore(json, e.StoreId, storeNames);
                json.WriteString("type", Enum.IsDefined((InteractionType)e.EventType) ? ((InteractionType)e.EventType).ToString() : e.EventType.ToString(CultureInfo.InvariantCulture));
                json.WriteString("typeName", typeName);
                if (e.ProductId > 0)
                {
                    json.WriteNumber("productId", e.ProductId);
                    json.WriteString("productName", NameOf(productNames, e.ProductId));
                }

                if (e.Quantity != 0)
                    json.WriteNumber("quantity", e.Quantity);
                if (e.Value != 0)
                    json.WriteNumber("value", e.Value);
                if (e.OrderId > 0)
                    json.WriteNumber("orderId", e.OrderId);
                if (!string.IsNullOrEmpty(e.Query))
                    json.WriteString("query", e.Query);
                if (!string.IsNullOrEmpty(e.Placement))
                    json.WriteString("placement", e.Placement);
                json.WriteEndObject();
            }

            afterId = page[^1].Id;
            await json.FlushAsync(cancellationToken);
            if (page.Count < EVENT_PAGE_SIZE)
                break;
        }

        json.WriteEndArray();
    }

    private static void WriteStore(Utf8JsonWriter json, int storeId, IReadOnlyDictionary<int, string> storeNames)
    {
        json.WriteNumber("storeId", storeId);
        json.WriteString("storeName", NameOf(storeNames, storeId));
    }

    private async Task WriteEmailsSentAsync(Utf8JsonWriter json, int customerId, IReadOnlyDictionary<int, string> storeNames)
    {
        //a handful per customer: the frequency cap allows at most one a day
        var sends = await _emailSendRepository.GetAllAsync(query => query
            .Where(send => send.CustomerId == customerId)
            .OrderBy(send => send.SentOnUtc)
            .ThenBy(send => send.Id));

        json.WritePropertyName("emailsSent");
        json.WriteStartArray();
        foreach (var send in sends)
        {
            json.WriteStartObject();
            json.WriteString("kind", Enum.IsDefined((Engine.Messaging.EmailKind)send.Kind) ? ((Engine.Messaging.EmailKind)send.Kind).ToString() : send.Kind.ToString(CultureInfo.InvariantCulture));
            WriteStore(json, send.StoreId, storeNames);
            WriteTime(json, "sentOnUtc", send.SentOnUtc);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteEmailEngagement(Utf8JsonWriter json, PersonalizationProfile profile)
    {
        json.WritePropertyName("emailEngagement90Days");
        if (profile.EmailsSent90Days == null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteNumber("sent", profile.EmailsSent90Days.Value);
        json.WriteNumber("opened", profile.EmailsOpened90Days ?? 0);
        json.WriteNumber("clicked", profile.EmailsClicked90Days ?? 0);
        WriteOptional(json, "clickRate", profile.EmailClickRate);
        WriteTime(json, "lastOpenOnUtc", profile.LastEmailOpenOnUtc);
        WriteTime(json, "lastClickOnUtc", profile.LastEmailClickOnUtc);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTime? value)
    {
        if (value is { } time)
            json.WriteString(name, DateTime.SpecifyKind(time, DateTimeKind.Utc));
        else
            json.WriteNull(name);
    }

    private async Task<string> TextAsync(string resourceKey, object code) => resourceKey == null
        ? Convert.ToString(code, CultureInfo.InvariantCulture)
        : await _localizationService.GetResourceAsync(resourceKey);

    private static List<int> IdsOf(IEnumerable<Affinity> affinities, AffinityKind kind) =>
        affinities.Where(affinity => affinity.Kind == kind).Select(affinity => affinity.Id).Distinct().ToList();

    private static string NameOf(IReadOnlyDictionary<int, string> names, int id) =>
        names.TryGetValue(id, out var name) && !string.IsNullOrEmpty(name) ? name : "#" + id.ToString(CultureInfo.InvariantCulture);
}

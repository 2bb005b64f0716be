using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.BackInStock;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.BackInStock;

/// <summary>
/// Off the request path: decides from the database whether a product that was not for sale is back, and if so offers it,
/// in every store where the plugin is on, to its "notify me" subscribers and the customers most likely to want it; the
/// offers are stored as predictions, added to this node's memory and, where the owner turned it on, e-mailed.
/// </summary>
public class BackInStockOfferService
{
    /// <summary>Interest older than this many half-lives is too faint to read.</summary>
    public const int HISTORY_HALF_LIVES = 4;

    /// <summary>Bounds one product's read of interactions (newest first).</summary>
    public const int MAX_INTERACTIONS = 100_000;

    public const int NEIGHBOURS = 20;

    /// <summary>A neighbour's interest counts at most this much of interest in the product itself.</summary>
    public const double NEIGHBOUR_WEIGHT = 0.5;

    private const int PAGE_SIZE = 5_000;

    private static readonly int[] _interestTypes =
    [
        (int)InteractionType.View, (int)InteractionType.AddToCart, (int)InteractionType.Wishlist, (int)InteractionType.Purchase,
        (int)InteractionType.RecommendationClick, (int)InteractionType.EmailClick
    ];

    private readonly BackInStockEmailService _emailService;
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly IBackInStockOffers _offers;
    private readonly IRepository<PersonalizationPrediction> _predictionRepository;
    private readonly ProductFactsReader _productFactsReader;
    private readonly IRecommenderHolder _recommenderHolder;
    private readonly IServingCatalog _servingCatalog;
    private readonly ISettingService _settingService;
    private readonly IRepository<Store> _storeRepository;
    private readonly IRepository<BackInStockSubscription> _subscriptionRepository;
    private readonly TimeProvider _timeProvider;

    public BackInStockOfferService(BackInStockEmailService emailService,
        IRepository<PersonalizationEvent> eventRepository,
        IBackInStockOffers offers,
        IRepository<PersonalizationPrediction> predictionRepository,
        ProductFactsReader productFactsReader,
        IRecommenderHolder recommenderHolder,
        IServingCatalog servingCatalog,
        ISettingService settingService,
        IRepository<Store> storeRepository,
        IRepository<BackInStockSubscription> subscriptionRepository,
        TimeProvider timeProvider)
    {
        _emailService = emailService;
        _eventRepository = eventRepository;
        _offers = offers;
        _predictionRepository = predictionRepository;
        _productFactsReader = productFactsReader;
        _recommenderHolder = recommenderHolder;
        _servingCatalog = servingCatalog;
        _settingService = settingService;
        _storeRepository = storeRepository;
        _subscriptionRepository = subscriptionRepository;
        _timeProvider = timeProvider;
    }

    /// <param name="endedSubscribers">Per store, subscriptions nopCommerce ended while telling their customers.</param>
    /// <returns>The offers made, per store (none when the product is not for sale).</returns>
    public virtual async Task<IReadOnlyDictionary<int, IReadOnlyList<BackInStockOffer>>> OfferAsync(int productId,
        IReadOnlyDictionary<int, List<BackInStockSubscriber>> endedSubscribers)
    {
        var made = new Dictionary<int, IReadOnlyList<BackInStockOffer>>();
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var product = await _productFactsReader.ReadProductAsync(productId);
        if (product == null || !product.IsSellable(now))
            return made;

        //the database's stock, warehouses and combinations included, is newer than what the catalog load read; the
        //attributes stay those of the last full load, as for any other product change
        _servingCatalog.Upsert(product with { Attributes = _servingCatalog.Find(productId)?.Attributes ?? ProductAttributes.Empty });

        foreach (var store in await _storeRepository.GetAllAsync(query => query.OrderBy(store => store.Id), includeDeleted: false))
        {
            var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(store.Id);
            if (!settings.Enabled)
                continue;

            var offers = await ChooseAsync(store.Id, productId, endedSubscribers.GetValueOrDefault(store.Id) ?? [], settings, now);
            var stored = await StoreAsync(store.Id, productId, offers, settings, now);
            made[store.Id] = stored;
            if (stored.Count > 0 && settings.BackInStockEmailsEnabled)
                await _emailService.SendAsync(store.Id, productId, stored.Select(offer => offer.CustomerId).ToList(), now);
        }

        return made;
    }

    /// <summary>Every unexpired offer into memory; expired ones are deleted.</summary>
    public virtual async Task LoadAsync()
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var kind = (int)PredictionKind.BackInStock;
        await _predictionRepository.DeleteAsync(prediction => prediction.Kind == kind && prediction.DueOnUtc <= now);

        var live = new List<(int, int, LiveOffer)>();
        var lastId = 0;
        while (true)
        {
            var page = await _predictionRepository.GetAllAsync(query => query
                .Where(prediction => prediction.Kind == kind && prediction.Id > lastId)
                .OrderBy(prediction => prediction.Id)
                .Take(PAGE_SIZE));
            if (page.Count == 0)
                break;

            live.AddRange(page.Select(prediction => (prediction.StoreId, prediction.CustomerId, ToLive(prediction))));
            lastId = page[^1].Id;
        }

        _offers.Replace(live);
    }

    private async Task<IReadOnlyList<BackInStockOffer>> ChooseAsync(int storeId, int productId, IReadOnlyList<BackInStockSubscriber> ended,
        PersonalizationSettings settings, DateTime now)
    {
        var subscribers = (await _subscriptionRepository.GetAllAsync(query => query
                .Where(subscription => subscription.ProductId == productId && subscription.StoreId == storeId)))
            .Select(subscription => new BackInStockSubscriber(subscription.CustomerId, subscription.CreatedOnUtc))
            .Concat(ended)
            .ToList();

        var options = new BackInStockOptions
        {
            MaxPredicted = Math.Max(0, settings.BackInStockMaxCustomers),
            HalfLifeDays = Math.Max(1, settings.DecayHalfLifeDays)
        };
        var neighbours = Neighbours(storeId, productId);
        var interactions = options.MaxPredicted == 0 ? [] : await ReadInterestAsync(storeId, [productId, .. neighbours.Keys], now.AddDays(-HISTORY_HALF_LIVES * options.HalfLifeDays));

        return BackInStockAudience.Choose(productId, subscribers, interactions, neighbours, now, options);
    }

    /// <summary>Products like this one by the store's loaded model, the closest weighing <see cref="NEIGHBOUR_WEIGHT"/>.</summary>
    private Dictionary<int, double> Neighbours(int storeId, int productId)
    {
        var similar = _recommenderHolder.Find(storeId)?.Similar(productId, NEIGHBOURS, [productId]) ?? [];
        var top = similar.Where(r => double.IsFinite(r.Score) && r.Score > 0).Select(r => r.Score).DefaultIfEmpty(0).Max();
        return top <= 0 ? [] : similar.Where(r => double.IsFinite(r.Score) && r.Score > 0)
            .GroupBy(r => r.ProductId)
            .ToDictionary(group => group.Key, group => NEIGHBOUR_WEIGHT * group.Max(r => r.Score) / top);
    }

    private async Task<IReadOnlyList<Interaction>> ReadInterestAsync(int storeId, int[] productIds, DateTime sinceUtc)
    {
        var events = await _eventRepository.GetAllAsync(query => query
            .Where(e => e.StoreId == storeId && e.CreatedOnUtc >= sinceUtc && e.CustomerId > 0
                && productIds.Contains(e.ProductId) && _interestTypes.Contains(e.EventType))
            .OrderByDescending(e => e.CreatedOnUtc)
            .Take(MAX_INTERACTIONS));

        return events.Select(e => new Interaction(e.StoreId, e.CustomerId, e.ProductId, (InteractionType)e.EventType, e.CreatedOnUtc, e.Quantity, e.Value, e.OrderId))
            .ToList();
    }

    /// <summary>
    /// New offers only: a customer whose offer of the product is still live keeps it (and its e-mail mark).
    /// </summary>
    private async Task<IReadOnlyList<BackInStockOffer>> StoreAsync(int storeId, int productId, IReadOnlyList<BackInStockOffer> offers,
        PersonalizationSettings settings, DateTime now)
    {
        if (offers.Count == 0)
            return [];

        var kind = (int)PredictionKind.BackInStock;
        var live = (await _predictionRepository.GetAllAsync(query => query
                .Where(prediction => prediction.Kind == kind && prediction.StoreId == storeId && prediction.ProductId == productId && prediction.DueOnUtc > now)))
            .Select(prediction => prediction.CustomerId)
            .ToHashSet();
        var fresh = offers.Where(offer => !live.Contains(offer.CustomerId)).ToList();
        if (fresh.Count == 0)
            return [];

        var expires = BackInStockOfferRules.ExpiresOn(now, settings.BackInStockOfferDays);
        var rows = fresh.Select(offer => new PersonalizationPrediction
        {
            CustomerId = offer.CustomerId,
            StoreId = storeId,
            ProductId = productId,
            Kind = kind,
            DueOnUtc = expires,
            AnchorOnUtc = now,
            Score = (decimal)Math.Round(offer.Score, 6)
        }).ToList();
        await _predictionRepository.InsertAsync(rows, publishEvent: false);

        foreach (var row in rows)
            _offers.Add(storeId, row.CustomerId, ToLive(row));

        return fresh;
    }

    private static LiveOffer ToLive(PersonalizationPrediction prediction) =>
        new(prediction.ProductId, (double)prediction.Score, prediction.AnchorOnUtc ?? prediction.DueOnUtc, prediction.DueOnUtc);
}

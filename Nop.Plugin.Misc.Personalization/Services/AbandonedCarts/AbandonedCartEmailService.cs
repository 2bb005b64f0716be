using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// Queues abandoned-cart e-mails through nopCommerce's queued e-mails, per store where the owner turned them on: carts
/// idle long enough (<see cref="AbandonedCartRules"/>), of registered, active customers with an e-mail and the reminders'
/// e-mail consent (<see cref="ReminderConsent"/>), not opted out of reminders, no order since the cart's last change, each
/// cart state at most once (plus the optional second reminder), and within the shared frequency cap of plugin e-mails.
/// </summary>
public class AbandonedCartEmailService
{
    private const int CUSTOMER_BATCH = 200;
    private const string COMPLEMENTS_HEADING_RESOURCE = "Plugins.Misc.Personalization.AbandonedCartEmail.Complements";

    private readonly ReminderConsent _consent;
    private readonly ICustomerService _customerService;
    private readonly AbandonedCartLinks _links;
    private readonly ILocalizationService _localizationService;
    private readonly IShopLog _log;
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly ReminderOptOut _optOut;
    private readonly AbandonedCartEmailOptions _options;
    private readonly RecipientPrices _prices;
    private readonly IRepository<Product> _productRepository;
    private readonly PluginEmailQueue _queue;
    private readonly AbandonedCartReader _reader;
    private readonly IRecommenderHolder _recommenderHolder;
    private readonly EmailSendLog _sendLog;
    private readonly IServingCatalog _servingCatalog;
    private readonly ISettingService _settingService;
    private readonly EmailSiteRoot _siteRoot;
    private readonly IEmailTracking _emailTracking;
    private readonly IRepository<Store> _storeRepository;
    private readonly TimeProvider _timeProvider;

    public AbandonedCartEmailService(ReminderConsent consent,
        ICustomerService customerService,
        AbandonedCartLinks links,
        ILocalizationService localizationService,
        IShopLog shopLog,
        IMessageTemplateService messageTemplateService,
        ReminderOptOut optOut,
        AbandonedCartEmailOptions options,
        RecipientPrices prices,
        IRepository<Product> productRepository,
        PluginEmailQueue queue,
        AbandonedCartReader reader,
        IRecommenderHolder recommenderHolder,
        EmailSendLog sendLog,
        IServingCatalog servingCatalog,
        ISettingService settingService,
        EmailSiteRoot siteRoot,
        IEmailTracking emailTracking,
        IRepository<Store> storeRepository,
        TimeProvider timeProvider)
    {
        _consent = consent;
        _siteRoot = siteRoot;
        _emailTracking = emailTracking;
        _customerService = customerService;
        _links = links;
        _localizationService = localizationService;
        _log = shopLog;
        _messageTemplateService = messageTemplateService;
        _optOut = optOut;
        _options = options;
        _prices = prices;
        _productRepository = productRepository;
        _queue = queue;
        _reader = reader;
        _recommenderHolder = recommenderHolder;
        _sendLog = sendLog;
        _servingCatalog = servingCatalog;
        _settingService = settingService;
        _storeRepository = storeRepository;
        _timeProvider = timeProvider;
    }

    public virtual async Task<AbandonedCartEmailOutcome> RunAsync()
    {
        var outcome = new AbandonedCartEmailOutcome();
        var now = _timeProvider.GetUtcNow().UtcDateTime;

        //availability comes from the in-memory catalog; until it is loaded nothing can be checked
        if (!_servingCatalog.IsLoaded)
            return outcome;

        var stores = await _storeRepository.GetAllAsync(query => query.OrderBy(store => store.Id), includeDeleted: false);
        foreach (var store in stores)
        {
            if (outcome.Queued >= _options.MaxEmailsPerRun)
                break;

            try
            {
                await RunForStoreAsync(store, now, outcome);
            }
            catch (Exception exception)
            {
                outcome.Failed++;
                _log.Warning($"abandoned-cart e-mails for store {store.Id} failed.", exception);
            }
        }

        return outcome;
    }

    private async Task RunForStoreAsync(Store store, DateTime now, AbandonedCartEmailOutcome outcome)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(store.Id);
        if (!settings.Enabled || !settings.AbandonedCartEmailsEnabled || store.Deleted || string.IsNullOrWhiteSpace(store.Url))
            return;

        var template = (await _messageTemplateService.GetMessageTemplatesByNameAsync(AbandonedCartEmailTemplate.SYSTEM_NAME, store.Id))
            .FirstOrDefault(candidate => candidate.IsActive);
        if (template == null)
            return;

        //the restore and opt-out links are signed: without a key no e-mail could carry them
        if (!EmailLinks.HasUsableKey(settings.TrackingKey))
        {
            _log.Warning($"abandoned-cart e-mails for store {store.Id} are not sent: the tracking key is missing or unusable.");
            return;
        }

        var rules = AbandonedCartSettings.Rules(settings);
        var cap = EmailSendLog.Cap(settings);
        var oldest = rules.OldestChange(now);
        var carts = await _reader.IdleCartsAsync(store.Id, oldest, rules.IdleSince(now));

        foreach (var batch in carts.Chunk(CUSTOMER_BATCH))
        {
            var customerIds = batch.Select(cart => cart.CustomerId).ToList();
            var lastOrders = await _reader.LastOrdersAsync(store.Id, customerIds, oldest);
            var reminders = await _reader.RemindersAsync(store.Id, customerIds);
            var due = batch
                .Select(cart => (Cart: cart, Reminder: reminders.GetValueOrDefault(cart.CustomerId)))
                .Select(pair => (pair.Cart, pair.Reminder, Step: rules.Decide(pair.Cart,
                    lastOrders.TryGetValue(pair.Cart.CustomerId, out var ordered) ? ordered : null, Record(pair.Reminder), now)))
                .Where(candidate => candidate.Step != AbandonedCartStep.None)
                .ToList();
            if (due.Count == 0)
                continue;

            var customers = (await _customerService.GetCustomersByIdsAsync(due.Select(candidate => candidate.Cart.CustomerId).ToArray()))
                .Where(PluginEmailQueue.IsReachable)
                .ToDictionary(customer => customer.Id);
            var consented = await _consent.GrantedAsync(store.Id, settings, customers.Values.ToList());
            var lastSent = await _sendLog.LastSentAsync(consented.Keys.ToList(), cap.Cutoff(now));

            foreach (var (cart, reminder, step) in due)
            {
                if (outcome.Queued >= _options.MaxEmailsPerRun)
                    return;

                if (!customers.TryGetValue(cart.CustomerId, out var customer) || !consented.TryGetValue(cart.CustomerId, out var consentLanguageId))
                {
                    outcome.Skipped++;
                    continue;
                }

                if (!cap.Allows(lastSent.TryGetValue(cart.CustomerId, out var sentUtc) ? sentUtc : null, now))
                {
                    outcome.Capped++;
                    continue;
                }

                try
                {
                    if (await TrySendAsync(cart, reminder, step, customer, consentLanguageId, store, settings.TrackingKey, template, now))
                        outcome.Queued++;
                    else
                        outcome.Skipped++;
                }
                catch (Exception exception)
                {
                    outcome.Failed++;
                    _log.Warning("an abandoned-cart e-mail could not be queued.", exception);
                }
            }
        }
    }

    private static CartReminderRecord Record(PersonalizationCartReminder reminder) =>
        reminder == null ? null : new CartReminderRecord(reminder.Fingerprint, reminder.FirstSentOnUtc, reminder.SecondSentOnUtc);

    private async Task<bool> TrySendAsync(AbandonedCart cart, PersonalizationCartReminder reminder, AbandonedCartStep step, Customer customer,
        int consentLanguageId, Store store, string trackingKey, MessageTemplate template, DateTime now)
    {
        if (await _optOut.IsStoppedAsync(customer, store.Id) || !await _customerService.IsRegisteredAsync(customer))
            return false;

        var languageId = await _siteRoot.LanguageIdAsync(consentLanguageId > 0 ? consentLanguageId : customer.LanguageId.GetValueOrDefault(), store.Id);
        var siteRoot = await _siteRoot.GetAsync(store, languageId);
        var currency = await _prices.CurrencyOfAsync(customer, store.Id);

        //the lines as they are now, for their prices; a cart changed since it was read is not idle, the next run decides again
        var cartItems = await _reader.CartItemsAsync(customer.Id, store.Id);
        var lines = cart.Lines.Select(line => cartItems.FirstOrDefault(item => item.ProductId == line.ProductId && item.Quantity == line.Quantity
            && (item.AttributesXml ?? string.Empty) == line.Attributes)).ToList();
        if (lines.Any(line => line == null))
            return false;

        var cartProductIds = cart.Lines.Select(line => line.ProductId).Distinct().ToList();
        var complementIds = Complements(store.Id, cartProductIds, now);
        var products = await ProductsAsync(cartProductIds.Concat(complementIds).ToList());
        var priced = new List<PricedLine>();
        foreach (var line in lines)
        {
            if (products.TryGetValue(line.ProductId, out var product))
                priced.Add(new PricedLine(line.ProductId, line.Quantity, await _prices.CartLineAsync(line, product, customer, currency)));
        }
        var items = await ItemsAsync(priced, siteRoot, store.Url, languageId);
        if (items.Count == 0)
            return false;

        var pricedComplements = new List<PricedLine>();
        foreach (var productId in complementIds)
        {
            if (products.TryGetValue(productId, out var product))
                pricedComplements.Add(new PricedLine(productId, 0, await _prices.ProductAsync(product, customer, store, currency)));
        }
        var complements = await ItemsAsync(pricedComplements, siteRoot, store.Url, languageId);
        var heading = complements.Count == 0 ? string.Empty : await _localizationService.GetResourceAsync(COMPLEMENTS_HEADING_RESOURCE, languageId);

        //the e-mail's id is signed into the tracked links; its send goes into the send log once it is queued
        var tracking = await _emailTracking.StartAsync(EmailKind.AbandonedCart, customer.Id, store.Id, siteRoot);
        if (tracking == null)
            return false;
        items = Tracked(items, tracking);
        complements = Tracked(complements, tracking);

        var customerName = await _customerService.GetCustomerFullNameAsync(customer);
        var tokens = PluginEmailQueue.CommonTokens(await _localizationService.GetLocalizedAsync(store, s => s.Name, languageId), store, customer, customerName,
                _links.UnsubscribeUrl(siteRoot, trackingKey, customer.Id, store.Id), _links.StopRemindersUrl(siteRoot, trackingKey, customer.Id, store.Id))
            .Add(AbandonedCartEmailTokens.RESTORE_URL_TOKEN, _links.RestoreUrl(siteRoot, trackingKey, cart, tracking), neverEncoded: true)
            .Add(AbandonedCartEmailTokens.ITEMS_TOKEN, AbandonedCartEmailTokens.Items(items), neverEncoded: true)
            .Add(AbandonedCartEmailTokens.COMPLEMENTS_TOKEN, AbandonedCartEmailTokens.Complements(heading, complements), neverEncoded: true);

        if (!await _queue.QueueTrackedAsync(template, languageId, customer.Email, customerName, tokens, tracking, now))
            return false;

        await _reader.SaveReminderAsync(reminder, cart, step, now);
        await _sendLog.RecordAsync(customer.Id, store.Id, EmailKind.AbandonedCart, now);
        return true;
    }

    //a product links to its page through the e-mail's tracked click, which redirects there
    private static IReadOnlyList<AbandonedCartItem> Tracked(IReadOnlyList<AbandonedCartItem> items, EmailTrackingLinks tracking) =>
        items.Select(item => item.Url == null ? item : item with { Url = tracking.ProductUrl(item.ProductId) }).ToList();

    /// <summary>
    /// The cart's lines (or complements) whose product is still shown, with name, page, picture, price and quantity, in
    /// their order; a product no longer sold is left out, the e-mail shows what can be bought.
    /// </summary>
    private async Task<IReadOnlyList<AbandonedCartItem>> ItemsAsync(IReadOnlyList<PricedLine> lines, string siteRoot, string storeUrl, int languageId)
    {
        if (lines.Count == 0)
            return [];

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var found = (await _links.ProductsAsync(lines.Select(line => line.ProductId).Distinct().ToList(), siteRoot, languageId))
            .ToDictionary(product => product.ProductId);
        var items = new List<AbandonedCartItem>();
        foreach (var line in lines)
        {
            var servable = _servingCatalog.Find(line.ProductId);
            if (!found.TryGetValue(line.ProductId, out var product) || servable == null || !servable.IsShowable(now, requireStock: false))
                continue;

            items.Add(new AbandonedCartItem(product.ProductId, product.Name, product.Url, await _links.PictureUrlAsync(product.ProductId, storeUrl),
                line.Price, line.Quantity));
        }

        return items;
    }

    private async Task<IReadOnlyDictionary<int, Product>> ProductsAsync(IReadOnlyList<int> productIds)
    {
        if (productIds.Count == 0)
            return new Dictionary<int, Product>();

        var ids = productIds.ToArray();
        return (await _productRepository.GetAllAsync(query => query.Where(product => ids.Contains(product.Id) && !product.Deleted)))
            .ToDictionary(product => product.Id);
    }

    private sealed record PricedLine(int ProductId, int Quantity, string Price);

    /// <summary>
    /// What the store's model says goes with the cart (the cart cross-sell placement's question), filtered for
    /// availability like placements; limited products are left out (store mapping and ACL are not held in memory).
    /// </summary>
    private IReadOnlyList<int> Complements(int storeId, IReadOnlyList<int> cartProductIds, DateTime now)
    {
        var recommender = _recommenderHolder.Find(storeId);
        if (recommender == null || _options.MaxComplements <= 0)
            return [];

        return recommender.CartCrossSell(cartProductIds, _options.MaxComplements * 4, cartProductIds)
            .Select(recommendation => recommendation.ProductId)
            .Where(productId => !cartProductIds.Contains(productId) && _servingCatalog.Find(productId) is { } product
                && product.IsShowable(now, requireStock: true) && !product.SubjectToAcl && !product.LimitedToStores)
            .Distinct()
            .Take(_options.MaxComplements)
            .ToList();
    }
}

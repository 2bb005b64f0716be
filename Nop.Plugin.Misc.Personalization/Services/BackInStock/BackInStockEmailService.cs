using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Services.BackInStock;

/// <summary>
/// E-mails the offers just made of a product back in stock, under the reminders' rules: registered, active customers
/// with an e-mail and the consent the owner chose for reminders, not opted out of reminders, within the shared frequency
/// cap, not having looked at or bought the product since it was offered; tracked links, the "no more reminders" and
/// unsubscribe links, and the offer marked e-mailed.
/// </summary>
public class BackInStockEmailService
{
    private const int CUSTOMER_BATCH = 200;

    private readonly ICustomerService _customerService;
    private readonly PluginEmailQueue _emailQueue;
    private readonly IEmailTracking _emailTracking;
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly ILocalizationService _localizationService;
    private readonly IShopLog _log;
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly ReminderConsent _consent;
    private readonly ReminderOptOut _optOut;
    private readonly IRepository<PersonalizationPrediction> _predictionRepository;
    private readonly ReplenishmentProductLinks _productLinks;
    private readonly EmailSendLog _sendLog;
    private readonly IServingCatalog _servingCatalog;
    private readonly ISettingService _settingService;
    private readonly EmailSiteRoot _siteRoot;
    private readonly IRepository<Store> _storeRepository;

    public BackInStockEmailService(ICustomerService customerService,
        PluginEmailQueue emailQueue,
        IEmailTracking emailTracking,
        IRepository<PersonalizationEvent> eventRepository,
        ILocalizationService localizationService,
        IShopLog shopLog,
        IMessageTemplateService messageTemplateService,
        ReminderConsent consent,
        ReminderOptOut optOut,
        IRepository<PersonalizationPrediction> predictionRepository,
        ReplenishmentProductLinks productLinks,
        EmailSendLog sendLog,
        IServingCatalog servingCatalog,
        ISettingService settingService,
        EmailSiteRoot siteRoot,
        IRepository<Store> storeRepository)
    {
        _customerService = customerService;
        _emailQueue = emailQueue;
        _emailTracking = emailTracking;
        _eventRepository = eventRepository;
        _localizationService = localizationService;
        _log = shopLog;
        _messageTemplateService = messageTemplateService;
        _consent = consent;
        _optOut = optOut;
        _predictionRepository = predictionRepository;
        _productLinks = productLinks;
        _sendLog = sendLog;
        _servingCatalog = servingCatalog;
        _settingService = settingService;
        _siteRoot = siteRoot;
        _storeRepository = storeRepository;
    }

    /// <returns>How many e-mails were queued.</returns>
    public virtual async Task<int> SendAsync(int storeId, int productId, IReadOnlyList<int> customerIds, DateTime now)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeId);
        if (!settings.Enabled || !settings.BackInStockEmailsEnabled || customerIds.Count == 0)
            return 0;

        //store mapping and ACL are not held in memory: a limited product is offered in the shop only
        var product = _servingCatalog.Find(productId);
        if (product == null || !product.IsSellable(now) || product.SubjectToAcl || product.LimitedToStores)
            return 0;

        var store = await _storeRepository.GetByIdAsync(storeId, includeDeleted: false);
        if (store == null || store.Deleted || string.IsNullOrWhiteSpace(store.Url))
            return 0;

        var template = (await _messageTemplateService.GetMessageTemplatesByNameAsync(BackInStockEmailTemplate.SYSTEM_NAME, storeId))
            .FirstOrDefault(candidate => candidate.IsActive);
        if (template == null)
            return 0;

        if (!EmailLinks.HasUsableKey(settings.TrackingKey))
        {
            _log.Warning($"back-in-stock e-mails for store {storeId} are not sent: the tracking key is missing or unusable.");
            return 0;
        }

        var queued = 0;
        var cap = EmailSendLog.Cap(settings);
        foreach (var batch in customerIds.Chunk(CUSTOMER_BATCH))
        {
            var customers = (await _customerService.GetCustomersByIdsAsync(batch)).Where(PluginEmailQueue.IsReachable).ToList();
            var consented = await _consent.GrantedAsync(storeId, settings, customers);
            var lastSent = await _sendLog.LastSentAsync(consented.Keys.ToList(), cap.Cutoff(now));
            foreach (var customer in customers)
            {
                if (!consented.TryGetValue(customer.Id, out var consentLanguageId)
                    || !cap.Allows(lastSent.TryGetValue(customer.Id, out var sentUtc) ? sentUtc : null, now))
                    continue;

                try
                {
                    if (await TrySendAsync(customer, consentLanguageId, store, productId, settings.TrackingKey, template, now))
                        queued++;
                }
                catch (Exception exception)
                {
                    _log.Warning("a back-in-stock e-mail could not be queued.", exception);
                }
            }
        }

        return queued;
    }

    private async Task<bool> TrySendAsync(Customer customer, int consentLanguageId, Store store, int productId, string trackingKey,
        MessageTemplate template, DateTime now)
    {
        if (await _optOut.IsStoppedAsync(customer, store.Id) || !await _customerService.IsRegisteredAsync(customer))
            return false;

        var offer = (await _predictionRepository.GetAllAsync(query => query.Where(prediction => prediction.CustomerId == customer.Id
                && prediction.StoreId == store.Id && prediction.ProductId == productId && prediction.Kind == (int)PredictionKind.BackInStock
                && prediction.DueOnUtc > now && prediction.EmailedOnUtc == null)))
            .FirstOrDefault();
        if (offer == null || await SeenSinceAsync(customer.Id, store.Id, productId, offer.AnchorOnUtc ?? now))
            return false;

        var languageId = await _siteRoot.LanguageIdAsync(consentLanguageId > 0 ? consentLanguageId : customer.LanguageId.GetValueOrDefault(), store.Id);
        var siteRoot = await _siteRoot.GetAsync(store, languageId);
        var products = await _productLinks.GetAsync([productId], siteRoot, languageId);
        if (products.Count == 0)
            return false;

        var tracking = await _emailTracking.StartAsync(EmailKind.BackInStock, customer.Id, store.Id, siteRoot);
        if (tracking == null)
            return false;
        products = products.Select(product => product.Url == null ? product : product with { Url = tracking.ProductUrl(product.ProductId) }).ToList();

        var customerName = await _customerService.GetCustomerFullNameAsync(customer);
        var tokens = PluginEmailQueue.CommonTokens(await _localizationService.GetLocalizedAsync(store, s => s.Name, languageId), store, customer, customerName,
                EmailLinks.Url(siteRoot, trackingKey, EmailLinkPurpose.NewsletterUnsubscribe, customer.Id, store.Id),
                EmailLinks.Url(siteRoot, trackingKey, EmailLinkPurpose.StopReminders, customer.Id, store.Id))
            .Add(ReplenishmentEmailTokens.PRODUCTS_TOKEN, ReplenishmentEmailTokens.ProductList(products), neverEncoded: true);

        if (!await _emailQueue.QueueTrackedAsync(template, languageId, customer.Email, customerName, tokens, tracking, now))
            return false;

        offer.EmailedOnUtc = now;
        await _predictionRepository.UpdateAsync(offer, publishEvent: false);
        await _sendLog.RecordAsync(customer.Id, store.Id, EmailKind.BackInStock, now);
        return true;
    }

    /// <summary>The customer looked at or bought the product since it was offered: the offer is over.</summary>
    private async Task<bool> SeenSinceAsync(int customerId, int storeId, int productId, DateTime offeredOnUtc)
    {
        var seen = await _eventRepository.GetAllAsync(query => query
            .Where(e => e.CustomerId == customerId && e.StoreId == storeId && e.ProductId == productId && e.CreatedOnUtc >= offeredOnUtc
                && (e.EventType == (int)InteractionType.View || e.EventType == (int)InteractionType.Purchase))
            .Take(1));
        return seen.Count > 0;
    }
}

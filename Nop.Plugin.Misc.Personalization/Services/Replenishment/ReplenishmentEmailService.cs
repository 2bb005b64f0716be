using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Messaging;

namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// Queues one replenishment reminder per eligible customer through nopCommerce's queued e-mails and marks the
/// predictions it carried as e-mailed. Eligible: registered, active, with an e-mail and the e-mail consent the owner
/// chose (<see cref="ReminderConsent"/>), not opted out of reminders in that store, not reminded within the configured
/// days. Every reminder carries a signed one-click "no more reminders" link and a signed newsletter unsubscribe link.
/// </summary>
public class ReplenishmentEmailService
{
    /// <summary>
    /// The customer's last reminder, kept on the customer (all stores) because the daily refresh replaces the predictions
    /// and a shifted due date would otherwise lose the mark.
    /// </summary>
    public const string LAST_REMINDER_ATTRIBUTE = "Personalization.ReplenishmentReminderOnUtc";

    private const int CUSTOMER_BATCH = 200;
    public const int CUSTOMER_CHUNK = 1_000;
    private const int COMPLEMENTS = 2;
    private const int REPLENISHMENT = (int)PredictionKind.Replenishment;
    private const string COMPLEMENTS_HEADING_RESOURCE = "Plugins.Misc.Personalization.ReplenishmentEmail.Complements";
    private const string NEED_NEXT_HEADING_RESOURCE = "Plugins.Misc.Personalization.ReplenishmentEmail.NeedNext";

    private readonly ICustomerService _customerService;
    private readonly PluginEmailQueue _emailQueue;
    private readonly IEmailTracking _emailTracking;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly ILocalizationService _localizationService;
    private readonly IShopLog _log;
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly ReminderConsent _consent;
    private readonly ReminderOptOut _optOut;
    private readonly ReplenishmentEmailOptions _options;
    private readonly IRepository<PersonalizationPrediction> _predictionRepository;
    private readonly ReplenishmentProductLinks _productLinks;
    private readonly IRecommenderHolder _recommenderHolder;
    private readonly EmailSendLog _sendLog;
    private readonly IServingCatalog _servingCatalog;
    private readonly ISettingService _settingService;
    private readonly EmailSiteRoot _siteRoot;
    private readonly IRepository<Store> _storeRepository;
    private readonly TimeProvider _timeProvider;

    public ReplenishmentEmailService(ICustomerService customerService,
        PluginEmailQueue emailQueue,
        IEmailTracking emailTracking,
        IGenericAttributeService genericAttributeService,
        ILocalizationService localizationService,
        IShopLog shopLog,
        IMessageTemplateService messageTemplateService,
        ReminderConsent consent,
        ReminderOptOut optOut,
        ReplenishmentEmailOptions options,
        IRepository<PersonalizationPrediction> predictionRepository,
        ReplenishmentProductLinks productLinks,
        IRecommenderHolder recommenderHolder,
        EmailSendLog sendLog,
        IServingCatalog servingCatalog,
        ISettingService settingService,
        EmailSiteRoot siteRoot,
        IRepository<Store> storeRepository,
        TimeProvider timeProvider)
    {
        _customerService = customerService;
        _emailQueue = emailQueue;
        _emailTracking = emailTracking;
        _genericAttributeService = genericAttributeService;
        _localizationService = localizationService;
        _log = shopLog;
        _messageTemplateService = messageTemplateService;
        _consent = consent;
        _optOut = optOut;
        _options = options;
        _predictionRepository = predictionRepository;
        _productLinks = productLinks;
        _recommenderHolder = recommenderHolder;
        _sendLog = sendLog;
        _servingCatalog = servingCatalog;
        _settingService = settingService;
        _siteRoot = siteRoot;
        _storeRepository = storeRepository;
        _timeProvider = timeProvider;
    }

    public virtual async Task<ReplenishmentEmailOutcome> RunAsync()
    {
        var outcome = new ReplenishmentEmailOutcome();
        var now = _timeProvider.GetUtcNow().UtcDateTime;

        //stock and visibility come from the in-memory catalog; until it is loaded nothing can be checked
        if (!_servingCatalog.IsLoaded)
            return outcome;

        //the due window does not depend on the per-store settings
        var window = new ReplenishmentEmailRules(MinDaysBetween: 0, MaxProducts: 1);
        var windowStart = window.WindowStart(now);
        var windowEnd = window.WindowEnd(now);
        var kind = (int)PredictionKind.Replenishment;
        var due = await _predictionRepository.GetAllAsync(query => query
            .Where(prediction => prediction.Kind == kind && prediction.EmailedOnUtc == null
                && prediction.DueOnUtc >= windowStart && prediction.DueOnUtc <= windowEnd));
        if (due.Count == 0)
            return outcome;

        foreach (var storePredictions in due.GroupBy(prediction => prediction.StoreId).OrderBy(group => group.Key))
        {
            if (outcome.Queued >= _options.MaxEmailsPerRun)
                break;

            try
            {
                await RunForStoreAsync(storePredictions.Key, storePredictions.ToList(), now, outcome);
            }
            catch (Exception exception)
            {
                outcome.Failed++;
                _log.Warning($"replenishment reminders for store {storePredictions.Key} failed.", exception);
            }
        }

        return outcome;
    }

    private async Task RunForStoreAsync(int storeId, IReadOnlyList<PersonalizationPrediction> predictions, DateTime now, ReplenishmentEmailOutcome outcome)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeId);
        if (!settings.Enabled || !settings.ReplenishmentEmailsEnabled)
            return;

        var store = await _storeRepository.GetByIdAsync(storeId, includeDeleted: false);
        if (store == null || store.Deleted || string.IsNullOrWhiteSpace(store.Url))
            return;

        var template = (await _messageTemplateService.GetMessageTemplatesByNameAsync(ReplenishmentEmailTemplate.SYSTEM_NAME, storeId))
            .FirstOrDefault(candidate => candidate.IsActive);
        if (template == null)
            return;

        //without a signing key no reminder could carry its opt-out links, so none is sent
        if (!EmailLinks.HasUsableKey(settings.TrackingKey))
        {
            _log.Warning($"replenishment reminders for store {storeId} are not sent: the tracking key is missing or unusable.");
            return;
        }

        var rules = ReplenishmentEmailRules.From(settings);
        var reminders = ReplenishmentSelection.Select(predictions, await LastRemindedAsync(predictions, rules, now), productId => IsShowable(productId, now), rules, now);

        foreach (var batch in reminders.Chunk(CUSTOMER_BATCH))
        {
            var customers = (await _customerService.GetCustomersByIdsAsync(batch.Select(reminder => reminder.CustomerId).ToArray()))
                .ToDictionary(customer => customer.Id);
            var consented = await _consent.GrantedAsync(storeId, settings, customers.Values.Where(PluginEmailQueue.IsReachable).ToList());
            //the shared cap: one plugin e-mail of any kind per customer per EmailFrequencyCapHours
            var cap = EmailSendLog.Cap(settings);
            var lastSent = await _sendLog.LastSentAsync(consented.Keys.ToList(), cap.Cutoff(now));

            foreach (var reminder in batch)
            {
                if (outcome.Queued >= _options.MaxEmailsPerRun)
                    return;

                if (!cap.Allows(lastSent.TryGetValue(reminder.CustomerId, out var sentUtc) ? sentUtc : null, now))
                {
                    outcome.Skipped++;
                    continue;
                }

                try
                {
                    if (await TrySendAsync(reminder, customers.GetValueOrDefault(reminder.CustomerId), consented, store, settings.TrackingKey, template, rules.LastReminderCutoff(now), now))
                        outcome.Queued++;
                    else
                        outcome.Skipped++;
                }
                catch (Exception exception)
                {
                    outcome.Failed++;
                    _log.Warning("a replenishment reminder could not be queued.", exception);
                }
            }
        }
    }

    private async Task<IReadOnlyDictionary<int, DateTime>> LastRemindedAsync(IReadOnlyList<PersonalizationPrediction> predictions, ReplenishmentEmailRules rules, DateTime now)
    {
        var cutoff = rules.LastReminderCutoff(now);
        var lastReminded = new Dictionary<int, DateTime>();
        //a backlog of due customers is read in chunks: one IN list per thousand (SQL Server takes at most 2,100 parameters)
        foreach (var chunk in predictions.Select(prediction => prediction.CustomerId).Distinct().Chunk(CUSTOMER_CHUNK))
        {
            var recent = await _predictionRepository.GetAllAsync(query => query
                .Where(prediction => prediction.Kind == REPLENISHMENT && prediction.EmailedOnUtc != null && prediction.EmailedOnUtc > cutoff
                    && chunk.Contains(prediction.CustomerId)));
            foreach (var prediction in recent)
            {
                if (!lastReminded.TryGetValue(prediction.CustomerId, out var known) || prediction.EmailedOnUtc!.Value > known)
                    lastReminded[prediction.CustomerId] = prediction.EmailedOnUtc!.Value;
            }
        }

        return lastReminded;
    }

    //limited products are left out: store mapping and ACL are not held in memory
    private bool IsShowable(int productId, DateTime now)
    {
        var product = _servingCatalog.Find(productId);
        return product != null && product.IsShowable(now, requireStock: true) && !product.SubjectToAcl && !product.LimitedToStores;
    }

    private async Task<bool> TrySendAsync(ReplenishmentReminder reminder, Customer customer, IReadOnlyDictionary<int, int> consented,
        Store store, string trackingKey, MessageTemplate template, DateTime lastReminderCutoff, DateTime now)
    {
        if (customer == null || !PluginEmailQueue.IsReachable(customer))
            return false;

        //consent first: it is already in memory and rules out most customers before any query
        if (!consented.TryGetValue(customer.Id, out var consentLanguageId))
            return false;

        if (await _optOut.IsStoppedAsync(customer, store.Id))
            return false;

        var lastReminder = await _genericAttributeService.GetAttributeAsync<DateTime?>(customer, LAST_REMINDER_ATTRIBUTE);
        if (lastReminder > lastReminderCutoff)
            return false;

        if (!await _customerService.IsRegisteredAsync(customer))
            return false;

        var languageId = await _siteRoot.LanguageIdAsync(consentLanguageId > 0 ? consentLanguageId : customer.LanguageId.GetValueOrDefault(), store.Id);
        var siteRoot = await _siteRoot.GetAsync(store, languageId);
        var products = await _productLinks.GetAsync(reminder.Predictions.Select(prediction => prediction.ProductId).ToList(), siteRoot, languageId);
        if (products.Count == 0)
            return false;

        //the customer's own timed complements when the daily run stored some, otherwise what is bought with the reminded products
        var remindedIds = products.Select(product => product.ProductId).ToList();
        var complementIds = await TimedComplementsAsync(customer.Id, store.Id, remindedIds, now);
        var timed = complementIds.Count > 0;
        if (!timed)
            complementIds = Complements(store.Id, remindedIds, now);
        var complements = complementIds.Count == 0 ? [] : await _productLinks.GetAsync(complementIds, siteRoot, languageId);
        var complementsHeading = complements.Count == 0 ? string.Empty
            : await _localizationService.GetResourceAsync(timed ? NEED_NEXT_HEADING_RESOURCE : COMPLEMENTS_HEADING_RESOURCE, languageId);

        //the e-mail's id is signed into every tracked link; its send goes into the send log once it is queued
        var tracking = await _emailTracking.StartAsync(EmailKind.Replenishment, customer.Id, store.Id, siteRoot);
        if (tracking == null)
            return false;
        products = Tracked(products, tracking);
        complements = Tracked(complements, tracking);

        var customerName = await _customerService.GetCustomerFullNameAsync(customer);
        var tokens = PluginEmailQueue.CommonTokens(await _localizationService.GetLocalizedAsync(store, s => s.Name, languageId), store, customer, customerName,
                EmailLinks.Url(siteRoot, trackingKey, EmailLinkPurpose.NewsletterUnsubscribe, customer.Id, store.Id),
                EmailLinks.Url(siteRoot, trackingKey, EmailLinkPurpose.StopReminders, customer.Id, store.Id))
            .Add(ReplenishmentEmailTokens.PRODUCTS_TOKEN, ReplenishmentEmailTokens.ProductList(products), neverEncoded: true)
            .Add(ReplenishmentEmailTokens.COMPLEMENTS_TOKEN, ReplenishmentEmailTokens.Complements(complementsHeading, complements), neverEncoded: true);

        if (!await _emailQueue.QueueTrackedAsync(template, languageId, customer.Email, customerName, tokens, tracking, now))
            return false;

        var sentIds = products.Select(product => product.ProductId).ToHashSet();
        var emailed = reminder.Predictions.Where(prediction => sentIds.Contains(prediction.ProductId)).ToList();
        foreach (var prediction in emailed)
            prediction.EmailedOnUtc = now;
        await _predictionRepository.UpdateAsync(emailed, publishEvent: false);
        await _genericAttributeService.SaveAttributeAsync<DateTime?>(customer, LAST_REMINDER_ATTRIBUTE, now);
        await _sendLog.RecordAsync(customer.Id, store.Id, EmailKind.Replenishment, now);

        return true;
    }

    //lines with a product page link to it through the e-mail's tracked click, which redirects to the page
    private static IReadOnlyList<ReplenishmentProduct> Tracked(IReadOnlyList<ReplenishmentProduct> products, EmailTrackingLinks tracking) =>
        products.Select(product => product.Url == null ? product : product with { Url = tracking.ProductUrl(product.ProductId) }).ToList();

    /// <summary>
    /// The customer's stored complement predictions whose window is still open, showable and not among the reminded
    /// products, strongest first; one indexed read for a customer who already passed consent and the frequency cap.
    /// </summary>
    private async Task<IReadOnlyList<int>> TimedComplementsAsync(int customerId, int storeId, IReadOnlyList<int> remindedIds, DateTime now)
    {
        var kind = (int)PredictionKind.Complement;
        var predictions = await _predictionRepository.GetAllAsync(query => query
            .Where(prediction => prediction.CustomerId == customerId && prediction.StoreId == storeId && prediction.Kind == kind && prediction.DueOnUtc >= now));

        return predictions
            .Where(prediction => !remindedIds.Contains(prediction.ProductId) && IsShowable(prediction.ProductId, now))
            .OrderByDescending(prediction => prediction.Score)
            .ThenBy(prediction => prediction.ProductId)
            .Select(prediction => prediction.ProductId)
            .Distinct()
            .Take(COMPLEMENTS)
            .ToList();
    }

    //bought together with the reminded products, by the store's loaded model; none before the first training
    private IReadOnlyList<int> Complements(int storeId, IReadOnlyList<int> productIds, DateTime now)
    {
        var recommender = _recommenderHolder.Find(storeId);
        if (recommender == null)
            return [];

        return productIds
            .SelectMany(productId => recommender.BoughtTogether(productId, COMPLEMENTS * 4, productIds))
            .Where(recommendation => IsShowable(recommendation.ProductId, now))
            .GroupBy(recommendation => recommendation.ProductId)
            .Select(group => (ProductId: group.Key, Score: group.Max(recommendation => recommendation.Score)))
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.ProductId)
            .Take(COMPLEMENTS)
            .Select(candidate => candidate.ProductId)
            .ToList();
    }
}

using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Services.Gdpr;

namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// Which customers of a batch gave the store the e-mail consent the owner chose for reminders: an active newsletter
/// subscription of the chosen type (or any type) in that store, or an accepted nopCommerce GDPR consent.
/// </summary>
public class ReminderConsent
{
    private readonly IGdprService _gdprService;
    private readonly IRepository<NewsLetterSubscription> _subscriptionRepository;

    public ReminderConsent(IGdprService gdprService, IRepository<NewsLetterSubscription> subscriptionRepository)
    {
        _gdprService = gdprService;
        _subscriptionRepository = subscriptionRepository;
    }

    /// <returns>The consenting customers by id, each with the language their consent suggests (0 = none known).</returns>
    public virtual async Task<IReadOnlyDictionary<int, int>> GrantedAsync(int storeId, PersonalizationSettings settings, IReadOnlyCollection<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(customers);

        var withEmail = customers.Where(customer => !string.IsNullOrWhiteSpace(customer.Email)).ToList();
        if (withEmail.Count == 0)
            return new Dictionary<int, int>();

        return settings.ReplenishmentEmailConsent switch
        {
            EmailConsent.NewsletterSubscription => await SubscribedAsync(storeId, settings.ReplenishmentEmailNewsletterTypeId, withEmail),
            EmailConsent.GdprConsent => await GdprAcceptedAsync(settings.ReplenishmentEmailGdprConsentId, withEmail),
            //an unknown mode grants nothing
            _ => new Dictionary<int, int>()
        };
    }

    /// <summary>
    /// One query per batch (most customers with a due product never subscribed); e-mails compared trimmed, as
    /// nopCommerce's own lookup does.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, int>> SubscribedAsync(int storeId, int typeId, IReadOnlyList<Customer> customers)
    {
        var emails = customers.Select(customer => customer.Email.Trim()).Distinct().ToArray();
        var rows = await _subscriptionRepository.GetAllAsync(query => query
            .Where(subscription => subscription.StoreId == storeId && subscription.Active && emails.Contains(subscription.Email)
                && (typeId == 0 || subscription.TypeId == typeId))
            .OrderBy(subscription => subscription.Id));

        var languageByEmail = new Dictionary<string, int>();
        foreach (var row in rows)
            languageByEmail.TryAdd(row.Email, row.LanguageId);

        var granted = new Dictionary<int, int>();
        foreach (var customer in customers)
        {
            if (languageByEmail.TryGetValue(customer.Email.Trim(), out var languageId))
                granted[customer.Id] = languageId;
        }

        return granted;
    }

    private async Task<IReadOnlyDictionary<int, int>> GdprAcceptedAsync(int consentId, IReadOnlyList<Customer> customers)
    {
        var granted = new Dictionary<int, int>();
        if (consentId <= 0)
            return granted;

        //nopCommerce answers per customer from its GDPR log (the latest accept or decline wins; null = never asked)
        foreach (var customer in customers)
        {
            if (await _gdprService.IsConsentAcceptedAsync(consentId, customer.Id) == true)
                granted[customer.Id] = customer.LanguageId ?? 0;
        }

        return granted;
    }
}

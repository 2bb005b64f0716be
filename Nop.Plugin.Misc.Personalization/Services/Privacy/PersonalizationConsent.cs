using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Gdpr;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <inheritdoc />
public class PersonalizationConsent : IPersonalizationConsent
{
    private readonly GdprConsentAnswers _gdprConsentAnswers;
    private readonly IGdprService _gdprService;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly ISettingService _settingService;
    private readonly IEventSink _sink;

    public PersonalizationConsent(GdprConsentAnswers gdprConsentAnswers,
        IGdprService gdprService,
        IGenericAttributeService genericAttributeService,
        ISettingService settingService,
        IEventSink sink)
    {
        _gdprConsentAnswers = gdprConsentAnswers;
        _gdprService = gdprService;
        _genericAttributeService = genericAttributeService;
        _settingService = settingService;
        _sink = sink;
    }

    public async Task<bool> MayIdentifyAsync(Customer customer, int storeId)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.Id <= 0)
            return false;

        //nopCommerce keeps loaded settings in its cache: no query here
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeId);
        if (settings.Consent == TrackingConsent.Nobody)
            return false;
        if (settings.Consent == TrackingConsent.GdprConsentAccepted && settings.GdprConsentId <= 0)
            return false;

        //the customer's attributes are read once per request by nopCommerce (the opt-out and the cookie banner share it)
        if (await IsOptedOutAsync(customer))
            return false;

        return settings.Consent switch
        {
            TrackingConsent.Everyone => true,
            TrackingConsent.CookieBannerAccepted =>
                await _genericAttributeService.GetAttributeAsync<bool>(customer, NopCustomerDefaults.EuCookieLawAcceptedAttribute, storeId),
            TrackingConsent.GdprConsentAccepted => await _gdprConsentAnswers.GetAsync(customer.Id, settings.GdprConsentId,
                () => _gdprService.IsConsentAcceptedAsync(settings.GdprConsentId, customer.Id)) == true,
            _ => false
        };
    }

    public async Task<bool> IsOptedOutAsync(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);

        return await _genericAttributeService.GetAttributeAsync<bool>(customer, PersonalizationDefaults.OptedOutAttribute);
    }

    public async Task SetOptedOutAsync(Customer customer, bool optedOut)
    {
        ArgumentNullException.ThrowIfNull(customer);

        await _genericAttributeService.SaveAttributeAsync(customer, PersonalizationDefaults.OptedOutAttribute, optedOut);
        //the writer removes what was recorded after the events already queued for the customer are stored
        if (optedOut)
            _sink.TryEnqueue(CaptureItem.Forget(customer.Id));
    }
}

using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Where the links of an e-mail start and which language it is in: the store's URL, followed by the language code when
/// the store uses SEO-friendly language URLs (then every public route of nopCommerce starts with it, and a link without
/// it finds no route).
/// </summary>
public class EmailSiteRoot
{
    private readonly ILanguageService _languageService;
    private readonly ISettingService _settingService;

    public EmailSiteRoot(ILanguageService languageService, ISettingService settingService)
    {
        _languageService = languageService;
        _settingService = settingService;
    }

    public virtual async Task<string> GetAsync(Store store, int languageId)
    {
        var root = (store.Url ?? string.Empty).TrimEnd('/');
        if (!(await _settingService.LoadSettingAsync<LocalizationSettings>(store.Id)).SeoFriendlyUrlsForLanguagesEnabled)
            return root;

        var language = await _languageService.GetLanguageByIdAsync(languageId);
        return string.IsNullOrEmpty(language?.UniqueSeoCode) ? root : $"{root}/{language.UniqueSeoCode}";
    }

    /// <returns>The preferred language when it is published, else the store's first language, else any.</returns>
    public virtual async Task<int> LanguageIdAsync(int preferredLanguageId, int storeId)
    {
        var language = preferredLanguageId > 0 ? await _languageService.GetLanguageByIdAsync(preferredLanguageId) : null;
        if (language is { Published: true })
            return language.Id;

        language = (await _languageService.GetAllLanguagesAsync(storeId: storeId)).FirstOrDefault()
            ?? (await _languageService.GetAllLanguagesAsync()).FirstOrDefault();
        return language?.Id ?? 0;
    }
}

using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Turns the engine's structured reasons into one plain sentence for the shopper, in their language.
/// </summary>
public class ReasonSentences
{
    public const string RESOURCE_PREFIX = "Plugins.Misc.Personalization.Account.Reason.";

    private readonly ILocalizationService _localizationService;

    public ReasonSentences(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    public static string ResourceName(ReasonKind kind) => RESOURCE_PREFIX + kind;

    /// <param name="names">Names of the products, categories and manufacturers the reason refers to.</param>
    /// <returns>The sentence; null for a reason that needs a name that is missing.</returns>
    public async Task<string> SentenceAsync(Reason reason, ReasonNames names, int languageId)
    {
        ArgumentNullException.ThrowIfNull(names);

        var product = reason.ProductId > 0 ? names.Product(reason.ProductId) : null;
        var category = reason.CategoryId > 0 ? names.Category(reason.CategoryId) : null;
        var manufacturer = reason.ManufacturerId > 0 ? names.Manufacturer(reason.ManufacturerId) : null;
        if ((reason.ProductId > 0 && product == null) || (reason.CategoryId > 0 && category == null)
            || (reason.ManufacturerId > 0 && manufacturer == null))
            return null;

        var format = await _localizationService.GetResourceAsync(ResourceName(reason.Kind), languageId, logIfNotFound: false,
            defaultValue: string.Empty, returnEmptyIfNotFound: true);
        if (string.IsNullOrEmpty(format))
            return null;

        return string.Format(CultureInfo.CurrentCulture, format, product, Math.Round(reason.Value), category, manufacturer);
    }
}

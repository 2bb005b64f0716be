using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// Turns a resource key with arguments into a message; arguments that are themselves plugin resource keys
/// (field names, strategy names) are localized first.
/// </summary>
public static class LocalizedMessages
{
    public static async Task<string> FormatAsync(ILocalizationService localizationService, string resourceKey, object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizationService);
        var format = await localizationService.GetResourceAsync(resourceKey);
        if (arguments is null || arguments.Length == 0)
            return format;

        var localized = new object[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            localized[i] = arguments[i] is string key && key.StartsWith(PersonalizationDefaults.ResourcePrefix, StringComparison.Ordinal)
                ? await localizationService.GetResourceAsync(key)
                : arguments[i];
        }

        return string.Format(format, localized);
    }
}

using Nop.Plugin.Misc.Personalization.Services;

namespace Nop.Plugin.Misc.Personalization.Models;

/// <summary>
/// The search provider to delegate to must be empty (the plugin's own index) or one of the installed others.
/// </summary>
public static class SearchDelegateValidator
{
    public const string RESOURCE_KEY = "Plugins.Misc.Personalization.Validation.SearchDelegateSystemName";

    public static IReadOnlyList<ConfigurationModelValidator.Error> Validate(ConfigurationModel model, IReadOnlyCollection<string> installedOthers)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(installedOthers);

        var chosen = model.SearchDelegateSystemName?.Trim();
        if (string.IsNullOrEmpty(chosen))
            return [];

        var known = chosen.Length <= SettingsLimits.MAX_SEARCH_DELEGATE_LENGTH
            && installedOthers.Contains(chosen, StringComparer.OrdinalIgnoreCase);
        return known ? [] : [new ConfigurationModelValidator.Error(nameof(model.SearchDelegateSystemName), RESOURCE_KEY, [])];
    }
}

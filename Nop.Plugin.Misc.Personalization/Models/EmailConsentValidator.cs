namespace Nop.Plugin.Misc.Personalization.Models;

/// <summary>
/// Checks the reminder consent fields against the shop's newsletter subscription types and GDPR consents as they are now.
/// </summary>
public static class EmailConsentValidator
{
    public static IReadOnlyList<ConfigurationModelValidator.Error> Validate(ConfigurationModel model, IReadOnlyCollection<int> newsletterTypeIds, IReadOnlyCollection<int> gdprConsentIds)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(newsletterTypeIds);
        ArgumentNullException.ThrowIfNull(gdprConsentIds);
        var errors = new List<ConfigurationModelValidator.Error>();

        if (!Enum.IsDefined(typeof(EmailConsent), model.ReplenishmentEmailConsent))
        {
            errors.Add(Error(nameof(model.ReplenishmentEmailConsent)));
            return errors;
        }

        //0 = any type, as before the setting existed
        if (model.ReplenishmentEmailNewsletterTypeId != 0 && !newsletterTypeIds.Contains(model.ReplenishmentEmailNewsletterTypeId))
            errors.Add(Error(nameof(model.ReplenishmentEmailNewsletterTypeId)));

        if ((EmailConsent)model.ReplenishmentEmailConsent == EmailConsent.GdprConsent && !gdprConsentIds.Contains(model.ReplenishmentEmailGdprConsentId))
            errors.Add(Error(nameof(model.ReplenishmentEmailGdprConsentId)));

        return errors;
    }

    private static ConfigurationModelValidator.Error Error(string property) =>
        new(property, $"Plugins.Misc.Personalization.Validation.{property}", []);
}

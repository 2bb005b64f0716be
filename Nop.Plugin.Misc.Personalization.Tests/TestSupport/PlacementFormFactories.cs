using Moq;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Services.Localization;
using Nop.Web.Framework.Factories;


namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport;

/// <summary>
/// The placement form factory for admin page tests, over a shop with the given languages (none by default, so the
/// form shows no language tabs) and saved translated titles.
/// </summary>
public static class PlacementFormFactories
{
    public static PlacementModelFactory Create(Mock<ILocalizationService> localization, Mock<IPlacementService> placements, SegmentChoices segments,
        Mock<PlacementTitles> titles = null, params int[] languageIds) =>
        new(localization.Object, Languages(languageIds).Object, new RecordingShopLog(), placements.Object, (titles ?? NoTitles()).Object, segments);

    public static Mock<PlacementTitles> NoTitles()
    {
        var titles = new Mock<PlacementTitles>(MockBehavior.Loose, null, null);
        titles.Setup(service => service.GetAsync(It.IsAny<int>())).ReturnsAsync(new Dictionary<int, string>());
        return titles;
    }

    /// <summary>
    /// nopCommerce's localized model factory: one locale model per language, configured by the caller.
    /// </summary>
    public static Mock<ILocalizedModelFactory> Languages(params int[] languageIds)
    {
        var factory = new Mock<ILocalizedModelFactory>();
        factory.Setup(f => f.PrepareLocalizedModelsAsync(It.IsAny<Func<PlacementLocalizedModel, int, Task>>()))
            .Returns(async (Func<PlacementLocalizedModel, int, Task> configure) =>
            {
                IList<PlacementLocalizedModel> locales = new List<PlacementLocalizedModel>();
                foreach (var languageId in languageIds)
                {
                    var locale = new PlacementLocalizedModel { LanguageId = languageId };
                    if (configure != null)
                        await configure(locale, languageId);
                    locales.Add(locale);
                }

                return locales;
            });
        return factory;
    }
}

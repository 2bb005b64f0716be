using System.Linq.Expressions;
using Moq;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport;

/// <summary>
/// What the plugin's e-mail services ask nopCommerce about languages and localized values, for a shop with English
/// only: a template's and a store's values come back as stored. Tests add their own resources and product names.
/// </summary>
public static class EmailShopStandIns
{
    public static Mock<ILanguageService> EnglishOnly()
    {
        var english = new Language { Id = 1, Published = true, UniqueSeoCode = "en" };
        var languages = new Mock<ILanguageService>();
        languages.Setup(s => s.GetLanguageByIdAsync(1)).ReturnsAsync(english);
        languages.Setup(s => s.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(new List<Language> { english });
        return languages;
    }

    public static Mock<ILocalizationService> StoredValues()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(s => s.GetLocalizedAsync(It.IsAny<MessageTemplate>(), It.IsAny<Expression<Func<MessageTemplate, string>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .Returns((MessageTemplate template, Expression<Func<MessageTemplate, string>> key, int? _, bool _, bool _) => Task.FromResult(key.Compile()(template)));
        localization.Setup(s => s.GetLocalizedAsync(It.IsAny<MessageTemplate>(), It.IsAny<Expression<Func<MessageTemplate, int>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .Returns((MessageTemplate template, Expression<Func<MessageTemplate, int>> key, int? _, bool _, bool _) => Task.FromResult(key.Compile()(template)));
        localization.Setup(s => s.GetLocalizedAsync(It.IsAny<Store>(), It.IsAny<Expression<Func<Store, string>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .Returns((Store store, Expression<Func<Store, string>> key, int? _, bool _, bool _) => Task.FromResult(key.Compile()(store)));
        return localization;
    }
}

using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// A shop in two languages: the owner translates a placement's title on its edit page (language tabs appear once a
/// second language exists), and a shopper sees the title of the language they chose, the standard one otherwise.
/// The language is deleted again so the steps after this one see the one-language shop.
/// </summary>
public partial class PersonalizationInShopTests
{
    private const string GERMAN_TITLE = "Für Sie ausgewählt";

    [Test, Order(999)]
    public async Task V1_A_translated_placement_title_shows_in_the_shoppers_language_and_the_standard_title_otherwise()
    {
        var added = AdminLanguages.Add(Admin, "Deutsch (e2e)", "de-DE", "de");
        var german = await _database.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Language\" WHERE \"UniqueSeoCode\" = 'de'");
        german.Should().BePositive($"the language was added (notifications: {added})");
        var english = await _database.ScalarAsync<int>("SELECT MIN(\"Id\") FROM \"Language\" WHERE \"Id\" <> @g", ("g", german));
        try
        {
            var forYou = await _database.ScalarAsync<int>("SELECT MIN(\"Id\") FROM \"Personalization_Placement\" WHERE \"Strategy\" = 'ForYou'");
            var standardTitle = await _database.ScalarAsync<string>("SELECT \"Title\" FROM \"Personalization_Placement\" WHERE \"Id\" = @id", ("id", forYou));
            var saved = PlacementTitleForm.SetTitle(Admin, forYou, german, GERMAN_TITLE);
            (await _database.ScalarAsync<string>(
                "SELECT \"LocaleValue\" FROM \"LocalizedProperty\" WHERE \"LocaleKeyGroup\" = 'PersonalizationPlacement' AND \"LocaleKey\" = 'Title' AND \"EntityId\" = @id AND \"LanguageId\" = @l",
                ("id", forYou), ("l", german))).Should().Be(GERMAN_TITLE, $"the edit page saves the title of the German tab (notifications: {saved})");

            using var shopper = await NewTreatedShopperAsync("Language");
            shopper.ViewProduct(_state.Products[0]);
            shopper.ViewProduct(_state.Products[1]);

            shopper.Browser.Open($"changelanguage/{german}?returnUrl=%2F");
            TitleOnHome(shopper, forYou).Should().Be(GERMAN_TITLE, "the shopper chose German");

            shopper.Browser.Open($"changelanguage/{english}?returnUrl=%2F");
            TitleOnHome(shopper, forYou).Should().Be(standardTitle, "English has no translation: the standard title shows");
        }
        finally
        {
            AdminLanguages.Delete(Admin, german);
        }

        (await _database.CountAsync("SELECT COUNT(*) FROM \"Language\" WHERE \"Id\" = @g", ("g", german))).Should().Be(0, "the e2e language is gone again");
    }

    /// <summary>
    /// The placement's title on the home page, once it renders (the model and the shopper's history load in the background).
    /// </summary>
    private static string TitleOnHome(ShopperSession shopper, int placementId)
    {
        var title = By.CssSelector($"[data-personalization-placement='{placementId}'] .title strong");
        return Poll.Until(() =>
        {
            shopper.OpenHome();
            return shopper.Browser.Driver.FindElements(title).Select(element => element.Text.Trim()).FirstOrDefault();
        }, text => !string.IsNullOrEmpty(text), _widgetTimeout, $"the title of placement {placementId} on the home page", TimeSpan.FromSeconds(2));
    }
}

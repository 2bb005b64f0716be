using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    /// <summary>
    /// The first zone of the home page: a page shows a product in one placement only, and a guest's "Picked for you"
    /// further down would otherwise take the in-season products first (the seasonal prior puts them high there too).
    /// Step M's placement in this zone is for one segment, which a new guest is not in.
    /// </summary>
    private const string SEASONAL_ZONE = "home_page_top";

    /// <summary>The category sold in this week a year ago, and the one sold in another week (about five weeks earlier in the year).</summary>
    private (int InSeason, int OutOfSeason) _seasonalCategories;

    /// <summary>
    /// The shop has no year of history, so it gets one the way a shop owner's data arrives: the plugin's own purchase
    /// rows of existing customers, one category's products bought in this very week a year ago (364 days, the same ISO
    /// week) and another category's products 400 days ago (another week of the year). Training from the admin page then
    /// reads more than a year of events, the condition for a seasonal index.
    /// </summary>
    [Test, Order(941)]
    public async Task Y1_A_year_of_history_with_one_category_sold_this_week_last_year_is_trained()
    {
        var categories = _state.Products.GroupBy(p => p.CategoryId).Where(g => g.Count() >= 3).Select(g => g.Key).ToList();
        categories.Should().HaveCountGreaterThanOrEqualTo(2, "the sample data has two categories with three products a shopper can buy");
        _seasonalCategories = (categories[0], categories[1]);
        var inSeason = _state.Products.Where(p => p.CategoryId == _seasonalCategories.InSeason).Take(3).ToList();
        var outOfSeason = _state.Products.Where(p => p.CategoryId == _seasonalCategories.OutOfSeason).Take(3).ToList();

        var buyers = await _database.ListAsync("""
            SELECT "Id" FROM "Customer" WHERE NOT "Deleted" AND NOT "IsSystemAccount" AND "Id" <> @r ORDER BY "Id" DESC LIMIT 6
            """, reader => reader.GetInt32(0), ("r", _state.Registered.CustomerId));
        buyers.Should().HaveCountGreaterThanOrEqualTo(3, "the shop has customers to have bought last year");
        for (var k = 0; k < buyers.Count; k++)
        {
            //a few minutes apart, so every purchase stays in this ISO week of last year
            await InsertPurchaseAsync(buyers[k], inSeason[k % inSeason.Count], "364 days", k);
            await InsertPurchaseAsync(buyers[k], outOfSeason[k % outOfSeason.Count], "400 days", k);
        }

        Configuration().Open().Train().Should().MatchRegex("Models trained from [1-9][0-9]* interactions", "training runs");
    }

    /// <summary>
    /// The owner adds a "Back this season" placement to the home page; a new shopper sees it list products of the
    /// category sold in this week last year, and none of the category sold in another week. The holdout is off meanwhile
    /// so the shopper is not held out by chance. The owner switches the placement off afterwards: a page shows a product in
    /// one placement only, so it would take the seeded category's products from the placements of later steps.
    /// </summary>
    [Test, Order(942)]
    public void Y2_Back_this_season_lists_the_category_sold_this_week_last_year_and_not_the_other()
    {
        _seasonalCategories.InSeason.Should().BePositive("step Y1 seeded last year's purchases");
        var page = Configuration().Open();
        var title = $"Back this season {Guid.NewGuid():N}"[..30];
        var shown = NewPlacementForm.Add(Admin.Browser, "BackThisSeason", SEASONAL_ZONE, title, 4, 0);
        shown.Should().NotContain("error", "the placement is accepted: {0}", shown);

        page.Open();
        page.SetValue("HoldoutPercent", "0");
        page.Save().Should().BeEmpty();
        try
        {
            using var shopper = NewShopper("SeasonalShopper");
            var block = WaitForBlock(shopper, "BackThisSeason", shopper.OpenHome, "a new shopper's home page");
            var categoryOf = _state.Products.ToDictionary(p => p.Id, p => p.CategoryId);
            block.ProductIds.Should().NotBeEmpty("the category sold this week last year is back this season: {0}", block);
            block.ProductIds.Should().OnlyContain(id => categoryOf.GetValueOrDefault(id) == _seasonalCategories.InSeason,
                "only the category sold in this week a year ago is in season (category {0}): {1}", _seasonalCategories.InSeason, block);
            block.ProductIds.Should().NotContain(id => categoryOf.GetValueOrDefault(id) == _seasonalCategories.OutOfSeason,
                "the category sold in another week is not in season now");
        }
        finally
        {
            page.Open();
            page.SetValue("HoldoutPercent", _state.HoldoutPercentDefault.ToString());
            page.Save();
            var placementId = _database.ScalarAsync<int>("SELECT \"Id\" FROM \"Personalization_Placement\" WHERE \"Title\" = @t", ("t", title)).GetAwaiter().GetResult();
            PlacementSwitch.Set(Admin, placementId, enabled: false).Should().NotContain("error");
        }
    }

    private Task<int> InsertPurchaseAsync(int customerId, ShopProduct product, string ago, int minutes) =>
        _database.ExecuteAsync("""
            INSERT INTO "Personalization_Event" ("StoreId", "CustomerId", "EventType", "ProductId", "Quantity", "Value", "OrderId", "Placement", "Query", "CreatedOnUtc")
            VALUES (@s, @c, 6, @p, 1, @v, 0, NULL, NULL, (NOW() AT TIME ZONE 'UTC') - CAST(@ago AS INTERVAL) + make_interval(mins => @m))
            """, ("s", _state.StoreId), ("c", customerId), ("p", product.Id), ("v", product.Price), ("ago", ago), ("m", minutes));
}

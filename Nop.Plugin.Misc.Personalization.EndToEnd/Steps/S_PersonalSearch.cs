using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    //The test shop runs linq2db 6.5.1 (a real 4.90.6 shop: 5.4.1). 6.5.1 cannot translate the join with which nopCommerce
    //keeps a search provider's order (ProductService.SearchProductsAsync, "providerResults.Select((id, ind) => ...)", sort
    //"Position"): ArgumentException, /search answers 500 with any provider (reproduced outside the shop with the same
    //query shape on 6.5.1). On 5.x that query runs (nopCommerce issue #7705 reports its order, not an error). So here the
    //provider is driven with the shopper's sort set to name, where nopCommerce orders the products itself (S1), and the
    //personal order is shown through the configuration page's "search as a customer", which runs the provider's own
    //code for a chosen customer (S2).

    private const string TYPO = "macbok";
    private const string AMBIGUOUS = "apple";

    /// <summary>
    /// The owner makes personalised search the shop's search provider on the configuration page; a shopper's typo that
    /// nopCommerce's LIKE search cannot match finds the product, so the results come from the plugin's index (sorted by
    /// name: see the note above).
    /// </summary>
    [Test, Order(972)]
    public async Task S1_The_owner_makes_personalised_search_the_provider_and_a_typo_finds_the_product()
    {
        var macBook = await ProductIdAsync("Apple MacBook Pro%");
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Product\" WHERE \"Name\" ILIKE @q OR \"ShortDescription\" ILIKE @q", ("q", $"%{TYPO}%")))
            .Should().Be(0, "nopCommerce's standard search matches names and descriptions with LIKE, which knows no typos");

        _state.ConfigurationUrl ??= Admin.ConfigureUrlOf(FRIENDLY_NAME);
        new AdminCheckboxSetting(Admin, _state.ConfigurationUrl, "IsSearchProvider").Set(true);
        (await ActiveSearchProviderAsync()).Should().Be("Misc.Personalization");

        using var shopper = NewShopper("Searcher");
        //the index is built in the background after the shop starts: nopCommerce's standard search answers until then
        await Poll.UntilAsync(() => Task.FromResult(SearchResults.SortedByNameOf(shopper, TYPO)), ids => ids.Contains(macBook),
            TimeSpan.FromMinutes(2), $"'{TYPO}' finding product {macBook}");
    }

    /// <summary>
    /// Two shoppers, one who looked at phones and one at cameras, search the same ambiguous word: each gets the product
    /// of their own category first (shown by the owner's "search as a customer", see the note above).
    /// </summary>
    [Test, Order(973)]
    public async Task S2_Shoppers_with_different_interests_see_their_category_first_for_an_ambiguous_word()
    {
        var iPhone = await ProductIdAsync("Apple iPhone%");
        var iCam = await ProductIdAsync("Apple iCam%");
        _state.ConfigurationUrl ??= Admin.ConfigureUrlOf(FRIENDLY_NAME);
        var firstByInterest = new Dictionary<string, int>();
        foreach (var (interest, viewed, expected) in new[]
        {
            ("Phones", new[] { "HTC smartphone", "HTC One Mini Blue", "Samsung Galaxy%" }, iPhone),
            ("Cameras", new[] { "Nikon D5500 DSLR", "Leica T Mirrorless%" }, iCam)
        })
        {
            using var shopper = await NewTreatedShopperAsync("Likes" + interest);
            var customerId = await shopper.CustomerIdAsync();
            foreach (var name in viewed)
            {
                var slug = await _database.ScalarAsync<string>("""
                    SELECT u."Slug" FROM "Product" p JOIN "UrlRecord" u ON u."EntityId" = p."Id" AND u."EntityName" = 'Product' AND u."IsActive" AND u."LanguageId" = 0
                    WHERE p."Name" LIKE @n AND p."Published" AND NOT p."Deleted" ORDER BY p."Id" LIMIT 1
                    """, ("n", name));
                shopper.Browser.Open(slug);
            }
            await ShopEvents.WaitForAsync(_database, customerId, $"{viewed.Length} product views",
                viewed.Select(_ => (Func<EventRow, bool>)(e => e.Type == EventType.View)).ToArray());

            //the shopper's history reaches the node's memory in the background: ask again until it counts
            var results = await Poll.UntilAsync(
                () => Task.FromResult(SearchPreviewPanel.ForCustomer(Admin, _state.ConfigurationUrl, AMBIGUOUS, customerId.ToString())),
                ids => ids.Count > 0 && ids[0] == expected, TimeSpan.FromSeconds(60),
                $"'{AMBIGUOUS}' ranking product {expected} first for the shopper interested in {interest}");

            results.Should().Contain([iPhone, iCam], "'{0}' matches both", AMBIGUOUS);
            firstByInterest[interest] = results[0];
        }

        firstByInterest.Values.Distinct().Should().HaveCount(2, "the same words give each shopper their own order");
    }

    /// <summary>The owner switches it off again: nopCommerce's standard search answers, and the typo finds nothing.</summary>
    [Test, Order(979)]
    public async Task S3_Switching_it_off_restores_the_standard_search()
    {
        _state.ConfigurationUrl ??= Admin.ConfigureUrlOf(FRIENDLY_NAME);
        new AdminCheckboxSetting(Admin, _state.ConfigurationUrl, "IsSearchProvider").Set(false);
        (await ActiveSearchProviderAsync()).Should().BeNullOrEmpty();

        using var shopper = NewShopper("StandardSearcher");
        SearchResults.Of(shopper, TYPO).Should().BeEmpty("the standard search knows no typos");
        SearchResults.Of(shopper, "macbook").Should().Contain(await ProductIdAsync("Apple MacBook Pro%"));
    }

    private Task<string> ActiveSearchProviderAsync() => _database.ScalarAsync<string>(
        "SELECT \"Value\" FROM \"Setting\" WHERE LOWER(\"Name\") = 'catalogsettings.activesearchprovidersystemname' AND \"StoreId\" = 0");

    private Task<int> ProductIdAsync(string nameLike) => _database.ScalarAsync<int>(
        "SELECT \"Id\" FROM \"Product\" WHERE \"Name\" LIKE @n AND \"Published\" AND NOT \"Deleted\" ORDER BY \"Id\" LIMIT 1", ("n", nameLike));
}

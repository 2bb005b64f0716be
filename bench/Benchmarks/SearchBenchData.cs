using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Services.Catalog;
using Nop.Services.Plugins;
using Nop.Plugin.Misc.Personalization;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Synthetic;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Search;

namespace Benchmarks;

/// <summary>
/// The 100,000 products of the synthetic shop with seeded text: a name of brand, adjective, noun and model, a SKU, a
/// short description, tags, and category and manufacturer names; and the queries a shopper types (whole words, two
/// words, word beginnings, typos).
/// </summary>
public static class SearchBenchData
{
    private static readonly string[] _adjectives =
        ["red", "blue", "green", "black", "white", "classic", "modern", "compact", "wireless", "leather", "wooden", "steel", "organic",
            "vintage", "premium", "portable", "smart", "slim", "heavy", "light"];

    private static readonly string[] _nouns =
        ["chair", "table", "lamp", "phone", "camera", "laptop", "jacket", "shoes", "watch", "kettle", "blender", "speaker", "backpack",
            "guitar", "bicycle", "helmet", "tent", "mug", "notebook", "printer", "monitor", "keyboard", "mouse", "headphones", "sofa",
            "mattress", "pillow", "candle", "vase", "mirror"];

    private static readonly string[] _brands =
        ["acme", "zenith", "nordic", "apex", "vertex", "lumina", "orbit", "solace", "tundra", "harbor", "quartz", "meridian", "aurora",
            "summit", "cascade", "ember", "falcon", "glacier", "horizon", "ivory"];

    public static IReadOnlyList<SearchDocument> Documents(IEnumerable<ProductFacts> products)
    {
        var random = new Random(7);
        return products.Select(product =>
        {
            var category = product.CategoryIds.Length > 0 ? product.CategoryIds[0] : 0;
            var noun = _nouns[category % _nouns.Length];
            var brand = _brands[product.ManufacturerId % _brands.Length];
            var adjective = _adjectives[random.Next(_adjectives.Length)];
            var name = $"{brand} {adjective} {noun} {product.ProductId % 977}";
            return new SearchDocument(product.ProductId, name, $"SKU-{product.ProductId}",
                $"A {_adjectives[random.Next(_adjectives.Length)]} {noun} for every day",
                [$"category {category} {noun}s", $"{brand} brand", _adjectives[random.Next(_adjectives.Length)]], []);
        }).ToList();
    }

    public static string[] Queries()
    {
        var random = new Random(11);
        var queries = new List<string>();
        for (var i = 0; i < 1_000; i++)
        {
            var noun = _nouns[random.Next(_nouns.Length)];
            var adjective = _adjectives[random.Next(_adjectives.Length)];
            var brand = _brands[random.Next(_brands.Length)];
            queries.Add((i % 5) switch
            {
                0 => noun,
                1 => $"{adjective} {noun}",
                2 => $"{brand} {noun[..Math.Min(3, noun.Length)]}",
                3 => Typo(noun, random),
                _ => $"SKU-{1 + random.Next(BenchData.PRODUCTS)}"
            });
        }

        return queries.ToArray();
    }

    private static string Typo(string word, Random random)
    {
        if (word.Length < 4)
            return word;
        var i = 1 + random.Next(word.Length - 2);
        return string.Concat(word.AsSpan(0, i), word[i + 1].ToString(), word[i].ToString(), word.AsSpan(i + 2));
    }

    /// <summary>The provider's service over a built index and a loaded model, for one shopper with 200 events.</summary>
    public static PersonalizedSearch Provider(ProductSearchIndex index, ModelSnapshot snapshot, Interaction[] history)
    {
        var indexHolder = new SearchIndexHolder();
        indexHolder.Swap(index);
        var recommenders = new RecommenderHolder();
        recommenders.Swap(1, 1, new Recommender(snapshot));
        var customerHistory = new Mock<ICustomerHistory>();
        customerHistory.Setup(h => h.Get(1, 7)).Returns(history);
        var consent = new Mock<IPersonalizationConsent>();
        consent.Setup(c => c.MayIdentifyAsync(It.IsAny<Customer>(), 1)).ReturnsAsync(true);
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1 });
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(new Customer { Id = 7 });
        var settings = PersonalizationSettings.Defaults();
        return new PersonalizedSearch(consent.Object, new SearchDelegation(Mock.Of<IPluginManager<ISearchProvider>>(), settings), customerHistory.Object,
            indexHolder, recommenders, settings, storeContext.Object, TimeProvider.System, Mock.Of<IShopLog>(), workContext.Object);
    }

    public static IEnumerable<ProductFacts> Products() => new SyntheticFunnel(BenchData.Funnel(1_000_000)).Products();
}

using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Search;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Plugin.Misc.Personalization.Tests.Engine;

namespace Nop.Plugin.Misc.Personalization.Tests.Search;

/// <summary>
/// A seeded synthetic search log with a known answer: five categories each sell products named with the same ambiguous
/// word ("pro"); every shopper has a strong affinity to one category (most of their views and purchases there) and the
/// product they want is that category's. Hit@1 = the first result is in the shopper's category.
/// </summary>
[TestFixture]
public class SearchQualityTests
{
    private const int CATEGORIES = 5;
    private const int PER_CATEGORY = 12;
    private const int SHOPPERS = 300;

    [Test]
    public void ShoppersWithAStrongCategoryAffinityFindTheirCategoryFirstForAnAmbiguousWord()
    {
        var random = new Random(20261206);
        var facts = new List<ProductFacts>();
        var documents = new List<SearchDocument>();
        var id = 0;
        for (var category = 1; category <= CATEGORIES; category++)
        {
            for (var i = 0; i < PER_CATEGORY; i++)
            {
                id++;
                facts.Add(EventsBuilder.Facts(id, category, 100 + category, 10m * category * category));
                //a third of each category's products carry the ambiguous word, with names of varied length
                var name = i % 3 == 0 ? $"Pro {Word(random)} {string.Join(' ', Enumerable.Range(0, random.Next(4)).Select(_ => Word(random)))}" : $"{Word(random)} {Word(random)}";
                documents.Add(new SearchDocument(id, name, null, null, [$"Category {category}"], []));
            }
        }

        var events = new EventsBuilder();
        var shoppers = new List<(int Customer, int Category, Interaction[] History)>();
        for (var customer = 1; customer <= SHOPPERS; customer++)
        {
            var category = 1 + random.Next(CATEGORIES);
            var history = Enumerable.Range(0, 8).Select(_ =>
            {
                var inCategory = random.NextDouble() < 0.85;
                var productCategory = inCategory ? category : 1 + random.Next(CATEGORIES);
                var product = (productCategory - 1) * PER_CATEGORY + 1 + random.Next(PER_CATEGORY);
                return random.NextDouble() < 0.2
                    ? EventsBuilder.Purchase(customer, product, 1 + random.Next(60))
                    : EventsBuilder.Viewed(customer, product, 1 + random.Next(60));
            }).ToArray();
            foreach (var interaction in history)
                events.Add(interaction);
            shoppers.Add((customer, category, history));
        }

        using var index = ProductSearchIndex.Build(documents);
        var snapshot = EngineTrainer.Train(events.Events, facts, new TrainingOptions(), EventsBuilder.Now);
        var categoryOf = facts.ToDictionary(f => f.ProductId, f => f.CategoryIds[0]);
        var candidates = index.Search("pro", 1, 500);
        candidates.Should().HaveCount(CATEGORIES * PER_CATEGORY / 3);

        double HitAt1(SearchWeights weights) => shoppers.Count(shopper =>
        {
            var taste = ShopperTaste.From(shopper.History, snapshot.Catalog, EventsBuilder.Now, 30);
            var signals = new PersonalSearchSignals(snapshot.Catalog, snapshot.Popularity, taste, new Dictionary<int, double>());
            return categoryOf[SearchRanker.Rank(candidates, signals, weights)[0].ProductId] == shopper.Category;
        }) / (double)shoppers.Count;

        var textOnly = HitAt1(SearchWeights.TextOnly);
        var personal = HitAt1(SearchWeights.Default);
        TestContext.Out.WriteLine($"hit@1 over {SHOPPERS} shoppers: text only {textOnly:P1}, personalised {personal:P1}");

        textOnly.Should().BeLessThan(0.5, "text relevance alone cannot know which 'pro' a shopper means");
        personal.Should().BeGreaterThan(textOnly + 0.4);
    }

    private static string Word(Random random) => new(Enumerable.Range(0, 3 + random.Next(5)).Select(_ => (char)('a' + random.Next(26))).ToArray());
}

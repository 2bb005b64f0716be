using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Plugin.Misc.Personalization.Tests.Engine;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Services.Catalog;
using Nop.Services.Plugins;

namespace Nop.Plugin.Misc.Personalization.Tests.Search;

/// <summary>
/// A small shop for search tests with an ambiguous word: "apple" is fruit (category 10) and computers (category 20).
/// Products 1-3 are apples of both kinds; 4-5 other fruit, 6-7 other computers; 8 is sold in store 2 only.
/// </summary>
public sealed class SearchScenario
{
    public const int FRUIT = 10;
    public const int COMPUTERS = 20;

    public static readonly SearchDocument[] Documents =
    [
        new(1, "Apple iPhone 16", "AP16", "Smartphone by Apple", ["Computers", "Apple"], []),
        new(2, "Red apple, 1 kg", null, "Crisp fruit", ["Fruit"], []),
        new(3, "Apple MacBook Air", "MBA", "Laptop by Apple", ["Computers", "Apple"], []),
        new(4, "Banana", null, "Fruit", ["Fruit"], []),
        new(5, "Pear", null, "Fruit", ["Fruit"], []),
        new(6, "Dell laptop", null, "Laptop", ["Computers"], []),
        new(7, "Lenovo tablet", null, "Tablet", ["Computers"], []),
        new(8, "Apple juice", null, "Store two only", ["Fruit"], [2])
    ];

    public static readonly ProductFacts[] Facts =
    [
        EventsBuilder.Facts(1, COMPUTERS, 0, 900m), EventsBuilder.Facts(2, FRUIT, 0, 3m), EventsBuilder.Facts(3, COMPUTERS, 0, 1100m),
        EventsBuilder.Facts(4, FRUIT, 0, 2m), EventsBuilder.Facts(5, FRUIT, 0, 2m), EventsBuilder.Facts(6, COMPUTERS, 0, 800m),
        EventsBuilder.Facts(7, COMPUTERS, 0, 400m), EventsBuilder.Facts(8, FRUIT, 0, 3m)
    ];

    public SearchIndexHolder IndexHolder { get; } = new();
    public RecommenderHolder RecommenderHolder { get; } = new();
    public Mock<ICustomerHistory> History { get; } = new();
    public Mock<IPersonalizationConsent> Consent { get; } = new();
    public Mock<IStoreContext> StoreContext { get; } = new();
    public Mock<IWorkContext> WorkContext { get; } = new();
    public PersonalizationSettings Settings { get; } = new() { Enabled = true, DecayHalfLifeDays = 30 };
    public Mock<IPluginManager<ISearchProvider>> SearchProviders { get; } = new();
    public RecordingShopLog Log { get; } = new();

    public SearchScenario(bool buildIndex = true, bool trainModel = true)
    {
        if (buildIndex)
            IndexHolder.Swap(ProductSearchIndex.Build(Documents));
        if (trainModel)
        {
            var events = new EventsBuilder().View(100, 3, 1, 2, 3, 4, 5, 6, 7).View(101, 2, 2, 4).View(102, 2, 6, 7);
            RecommenderHolder.Swap(1, 1, new Recommender(EngineTrainer.Train(events.Events, Facts, new TrainingOptions(), EventsBuilder.Now)));
        }

        History.Setup(h => h.Get(It.IsAny<int>(), It.IsAny<int>())).Returns(Array.Empty<Interaction>());
        Consent.Setup(c => c.MayIdentifyAsync(It.IsAny<Customer>(), It.IsAny<int>())).ReturnsAsync(true);
        InStore(1);
        AsCustomer(42);
    }

    public SearchScenario InStore(int storeId)
    {
        StoreContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = storeId });
        return this;
    }

    public SearchScenario AsCustomer(int customerId, params Interaction[] history)
    {
        WorkContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(new Customer { Id = customerId });
        History.Setup(h => h.Get(It.IsAny<int>(), customerId)).Returns(history);
        return this;
    }

    /// <summary>A shopper who viewed and bought in one category (not the products the tests search for).</summary>
    public static Interaction[] LoverOf(int category, int customerId) => category == FRUIT
        ? [EventsBuilder.Viewed(customerId, 4, 2), EventsBuilder.Purchase(customerId, 5, 1)]
        : [EventsBuilder.Viewed(customerId, 6, 2), EventsBuilder.Purchase(customerId, 7, 1)];

    public PersonalizedSearch Search() => new(Consent.Object, new SearchDelegation(SearchProviders.Object, Settings), History.Object, IndexHolder,
        RecommenderHolder, Settings, StoreContext.Object, new FakeTimeProvider(EventsBuilder.Now), Log, WorkContext.Object);

    /// <summary>Makes <paramref name="provider"/> the installed provider the plugin delegates to, under that system name.</summary>
    public SearchScenario DelegatingTo(string systemName, ISearchProvider provider)
    {
        Settings.SearchDelegateSystemName = systemName;
        SearchProviders.Setup(p => p.LoadPluginBySystemNameAsync(systemName, It.IsAny<Customer>(), It.IsAny<int>())).ReturnsAsync(provider);
        return this;
    }
}

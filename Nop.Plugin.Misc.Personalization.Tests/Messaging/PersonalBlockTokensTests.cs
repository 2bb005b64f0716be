using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Consumers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Services.Catalog;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Tests.Messaging;

/// <summary>
/// The personal blocks in the shop's own e-mails: filled per recipient from the model of the message's store, personal
/// only with tracking consent, trending for a guest subscriber, every link a tracked ShopMessage click for that
/// recipient and store, and the send recorded only when a message carrying the block is queued.
/// </summary>
[TestFixture]
public class PersonalBlockTokensTests
{
    private static readonly DateTime _now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
    private const int CONSENTED = 42;
    private const int NOT_CONSENTED = 43;
    private const int ACL_PRODUCT = 3;

    private InMemorySettings _settings;
    private InMemoryRepository<Store> _stores;
    private InMemoryRepository<OrderItem> _orderItems;
    private RecommendationService _recommendations;
    private EventSink _sink;
    private PersonalBlockTokens _tokens;
    private ShopMessageSends _sends;
    private RecipientPricesFake _prices;

    [SetUp]
    public void SetUp()
    {
        var servable = Enumerable.Range(1, 8).ToDictionary(id => id,
            id => new ServableProduct(id, true, false, true, true, null, null, id == ACL_PRODUCT, false, [id], 0, 10 + id, _now.AddYears(-1)));
        var catalog = new ServingCatalog();
        catalog.Replace(servable);
        var interactions = Enumerable.Range(1, 20).SelectMany(c => new[]
        {
            new Interaction(1, c, 1, InteractionType.Purchase, _now.AddDays(-c), 1, 10, c),
            new Interaction(1, c, 2 + c % 7, InteractionType.Purchase, _now.AddDays(-c), 1, 10, c)
        });
        var holder = new RecommenderHolder();
        var recommender = new Recommender(EngineTrainer.Train(interactions, servable.Values.Select(p => p.ToFacts()).ToList(), new TrainingOptions { StoreId = 1 }, _now));
        holder.Swap(1, 1, recommender);
        holder.Swap(2, 1, recommender);
        var time = new FakeTimeProvider(new DateTimeOffset(_now));
        var live = new LiveActivity(time);
        //the consenting customer looked at product 1 a moment ago
        live.Record(new Interaction(1, CONSENTED, 1, InteractionType.View, _now.AddMinutes(-5), 1, 0, 0));
        _recommendations = new RecommendationService(catalog, new CustomerHistory(live), holder, live, PersonalizationSettings.Defaults());

        _settings = new InMemorySettings().Handle<PersonalizationSettings>().Handle<LocalizationSettings>();
        _settings.Save(PersonalizationSettings.Defaults());
        _stores = new InMemoryRepository<Store>();
        _stores.Rows.AddRange([new Store { Id = 1, Name = "One", Url = "https://one.test/" }, new Store { Id = 2, Name = "Two", Url = "https://two.test/" }]);
        _orderItems = new InMemoryRepository<OrderItem>();
        var products = new InMemoryRepository<Product>();
        products.Rows.AddRange(servable.Keys.Select(id => new Product { Id = id, Name = $"Product {id}", Price = 10 + id }));
        _prices = new RecipientPricesFake { ProductOf = id => products.Rows.Single(product => product.Id == id) };

        var consent = new Mock<IPersonalizationConsent>();
        consent.Setup(c => c.MayIdentifyAsync(It.IsAny<Customer>(), It.IsAny<int>())).ReturnsAsync((Customer customer, int _) => customer.Id == CONSENTED);
        var localization = new Mock<ILocalizationService>();
        localization.Setup(s => s.GetLocalizedAsync(It.IsAny<Product>(), It.IsAny<Expression<Func<Product, string>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .Returns((Product product, Expression<Func<Product, string>> key, int? _, bool _, bool _) => Task.FromResult(key.Compile()(product)));
        var languages = new Mock<ILanguageService>();
        languages.Setup(s => s.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(new List<Language> { new() { Id = 1, Published = true, UniqueSeoCode = "en" } });
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(_stores.Rows[0]);
        var customers = new Mock<ICustomerService>();
        customers.Setup(c => c.GetCustomerByIdAsync(CONSENTED)).ReturnsAsync(new Customer { Id = CONSENTED });

        _sink = new EventSink(100);
        var tracking = new EmailTracking(_settings.Service, _sink, time);
        var blocks = new PersonalBlocks(consent.Object, tracking, localization.Object, _prices.Prices(), products.Object, _recommendations, catalog, _settings.Service,
            new EmailSiteRoot(languages.Object, _settings.Service), time);
        _tokens = new PersonalBlockTokens(blocks, customers.Object, _orderItems.Object, storeContext.Object, _stores.Object);
        var engagement = new EmailEngagement(null, customers.Object, new EmailOpenMemory(), _settings.Service, _sink, time);
        _sends = new ShopMessageSends(engagement, tracking, new RecordingShopLog());
    }

    private static string Value(IList<Token> tokens, string key) => tokens.Where(t => t.Key == key).Should().ContainSingle().Which.Value as string;

    private List<EmailTrackingSubject> Links(string html, int storeId = 1)
    {
        var key = TrackingKeyBytes.Read(_settings.Load<PersonalizationSettings>(storeId).TrackingKey, EmailTrackingCodec.MIN_KEY_BYTES);
        return Regex.Matches(html, "\\?t=([A-Za-z0-9_-]+)").Select(m => new EmailTrackingCodec(key).Check(m.Groups[1].Value)).ToList();
    }

    private static List<int> Products(IEnumerable<EmailTrackingSubject> links) =>
        links.Where(l => l.Target == EmailTarget.Product).Select(l => l.TargetId).ToList();

    [Test]
    public async Task ACustomerWithConsentGetsTheirOwnPicksAsATableOfTrackedLinksForThemAndThisStore()
    {
        var tokens = new List<Token> { new("Store.URL", "https://one.test/", true) };

        await _tokens.AddForCustomerAsync(tokens, new Customer { Id = CONSENTED });

        var html = Value(tokens, PersonalBlockTokens.FOR_YOU);
        tokens.Single(t => t.Key == PersonalBlockTokens.FOR_YOU).NeverHtmlEncoded.Should().BeTrue();
        html.Should().StartWith("<table").And.Contain("https://one.test/personalization/email/click?t=").And.Contain("https://one.test/personalization/email/open?t=");
        var links = Links(html);
        links.Should().NotBeEmpty().And.OnlyContain(l => l != null && l.Kind == EmailKind.ShopMessage && l.CustomerId == CONSENTED && l.StoreId == 1);
        links.Select(l => l.EmailId).Distinct().Should().ContainSingle("one message, one e-mail id");
        var expected = _recommendations.Recommend(new RecommendationRequest(PlacementStrategy.ForYou, 1, CONSENTED, PersonalBlocks.PRODUCT_COUNT), _now)
            .Select(p => p.ProductId).Where(id => id != ACL_PRODUCT).ToList();
        Products(links).Should().Equal(expected).And.NotContain(ACL_PRODUCT);
        foreach (var id in expected)
            html.Should().Contain($">Product {id}</a>").And.Contain($"${10 + id:0.00}");
    }

    [Test]
    public async Task TheBlockShowsPricesAsTheCustomerPaysThemWithTheirDiscountAndTaxDisplay()
    {
        _prices.DiscountByCustomer[CONSENTED] = 2m;
        _prices.CustomersSeeingTax.Add(CONSENTED);
        var tokens = new List<Token>();

        await _tokens.AddForCustomerAsync(tokens, new Customer { Id = CONSENTED });

        var html = Value(tokens, PersonalBlockTokens.FOR_YOU);
        var shown = Products(Links(html));
        shown.Should().NotBeEmpty();
        foreach (var id in shown)
            html.Should().Contain($"${(10 + id - 2m) * 1.25m:0.00}", "product {0} costs them {1} less, shown with 25 % tax", id, 2m);
    }

    [Test]
    public async Task AGuestSubscriberGetsTrendingProductsLinkedToNobody()
    {
        var tokens = new List<Token>();

        await _tokens.AddForSubscriptionAsync(tokens, new NewsLetterSubscription { Email = "guest@shop.test", StoreId = 1, LanguageId = 1, Active = true });

        var links = Links(Value(tokens, PersonalBlockTokens.FOR_YOU));
        links.Should().OnlyContain(l => l != null && l.CustomerId == 0 && l.StoreId == 1);
        var trending = _recommendations.Recommend(new RecommendationRequest(PlacementStrategy.Trending, 1, 0, PersonalBlocks.PRODUCT_COUNT), _now)
            .Select(p => p.ProductId).Where(id => id != ACL_PRODUCT).ToList();
        Products(links).Should().NotBeEmpty().And.Equal(trending);
    }

    [Test]
    public async Task ASubscribersMatchingCustomerReplacesTheTrendingBlockWithTheirOwn()
    {
        var tokens = new List<Token> { new("Store.URL", "https://one.test", true) };

        await _tokens.AddForSubscriptionAsync(tokens, new NewsLetterSubscription { StoreId = 1, LanguageId = 1 });
        await _tokens.AddForCustomerAsync(tokens, new Customer { Id = CONSENTED });

        Links(Value(tokens, PersonalBlockTokens.FOR_YOU)).Should().OnlyContain(l => l.CustomerId == CONSENTED);
    }

    [Test]
    public async Task ACustomerWithoutTrackingConsentGetsTrendingAndIsNotNamedInTheLinks()
    {
        var tokens = new List<Token>();

        await _tokens.AddForCustomerAsync(tokens, new Customer { Id = NOT_CONSENTED });

        Links(Value(tokens, PersonalBlockTokens.FOR_YOU)).Should().NotBeEmpty().And.OnlyContain(l => l.CustomerId == 0);
    }

    [Test]
    public async Task TheMessagesStoreDecidesKeyAddressAndModel()
    {
        var settings = PersonalizationSettings.Defaults();
        _settings.Save(settings, storeId: 2);
        var tokens = new List<Token> { new("Store.URL", "https://two.test/", true) };

        await _tokens.AddForCustomerAsync(tokens, new Customer { Id = CONSENTED });

        var html = Value(tokens, PersonalBlockTokens.FOR_YOU);
        html.Should().Contain("https://two.test/personalization/email/click?t=").And.NotContain("one.test");
        Links(html, storeId: 2).Should().NotBeEmpty().And.OnlyContain(l => l != null && l.StoreId == 2);
        Links(html, storeId: 1).Should().OnlyContain(l => l == null, "store 1's key does not validate store 2's links");
    }

    [Test]
    public async Task WhileThePluginIsOffTheTokenIsEmptyRatherThanLeftInTheMessage()
    {
        var settings = PersonalizationSettings.Defaults();
        settings.Enabled = false;
        _settings.Save(settings);
        var tokens = new List<Token>();

        await _tokens.AddForCustomerAsync(tokens, new Customer { Id = CONSENTED });

        Value(tokens, PersonalBlockTokens.FOR_YOU).Should().BeEmpty();
    }

    [Test]
    public async Task AnOrdersBlockLeavesOutWhatWasOrdered()
    {
        _orderItems.Rows.AddRange([new OrderItem { Id = 1, OrderId = 500, ProductId = 1 }, new OrderItem { Id = 2, OrderId = 500, ProductId = 2 }]);
        var tokens = new List<Token>();

        await _tokens.AddForOrderAsync(tokens, new Order { Id = 500, StoreId = 1, CustomerId = CONSENTED, CustomerLanguageId = 1 });

        var links = Links(Value(tokens, PersonalBlockTokens.BOUGHT_TOGETHER));
        Products(links).Should().NotBeEmpty().And.NotContain([1, 2, ACL_PRODUCT]);
        links.Should().OnlyContain(l => l.CustomerId == CONSENTED && l.Kind == EmailKind.ShopMessage);
    }

    [Test]
    public async Task QueueingAMessageWithABlockRecordsOneSendForItsEmailIdAndOthersNone()
    {
        var tokens = new List<Token>();
        await _tokens.AddForCustomerAsync(tokens, new Customer { Id = CONSENTED });
        var html = Value(tokens, PersonalBlockTokens.FOR_YOU);
        var emailId = Links(html)[0].EmailId;
        var key = TrackingKeyBytes.Read(_settings.Load<PersonalizationSettings>().TrackingKey, EmailTrackingCodec.MIN_KEY_BYTES);
        var reminderPixel = new EmailTrackingCodec(key).Issue(new EmailTrackingSubject(EmailKind.Replenishment, 5, CONSENTED, 1, EmailTarget.Open, 0));

        (await _sends.RecordAsync($"<p>Hello</p>{html}<p>Bye</p>")).Should().BeTrue();
        (await _sends.RecordAsync("<p>No block</p>")).Should().BeFalse();
        (await _sends.RecordAsync(null)).Should().BeFalse();
        (await _sends.RecordAsync($"<img src=\"https://one.test/personalization/email/open?t={reminderPixel}\">")).Should().BeFalse("a reminder records its own send");
        (await _sends.RecordAsync("<img src=\"https://one.test/personalization/email/open?t=forged\">")).Should().BeFalse();

        var sent = new List<CaptureItem>();
        while (_sink.Reader.TryRead(out var item))
            sent.Add(item);
        sent.Should().ContainSingle().Which.Event.Should().Match<PersonalizationEvent>(e =>
            e.EventType == (int)InteractionType.EmailSent && e.CustomerId == 0 && e.StoreId == 1 && e.Placement == EmailPlacement.Of(EmailKind.ShopMessage, emailId));
    }

    [Test]
    public async Task TheTokensAreListedForTemplatesByGroupAndForCampaigns()
    {
        var consumer = new PersonalBlockTokenConsumer(new RecordingShopLog(), _tokens);
        var all = new AdditionalTokensAddedEvent();
        var customerOnly = new AdditionalTokensAddedEvent { TokenGroups = ["Store tokens", "Customer tokens"] };
        var campaign = new CampaignAdditionalTokensAddedEvent();

        await consumer.HandleEventAsync(all);
        await consumer.HandleEventAsync(customerOnly);
        await consumer.HandleEventAsync(campaign);

        all.AdditionalTokens.Should().Equal("%Personalization.ForYou%", "%Personalization.BoughtTogether%");
        customerOnly.AdditionalTokens.Should().Equal("%Personalization.ForYou%");
        campaign.AdditionalTokens.Should().Equal("%Personalization.ForYou%");
    }
}

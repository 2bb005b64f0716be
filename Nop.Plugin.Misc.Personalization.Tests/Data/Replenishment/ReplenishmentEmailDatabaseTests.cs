using System.Linq.Expressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Seo;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Tasks;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.Replenishment;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Replenishment;

/// <summary>
/// The reminder task end to end: the plugin's predictions in PostgreSQL, nopCommerce's messaging, customer and newsletter
/// services mocked.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class ReplenishmentEmailDatabaseTests : MigratedDatabaseTest
{
    private const int STORE = 1;
    private const int EMAIL_ACCOUNT = 7;
    private const int COFFEE = 10;
    private const int TEA = 11;
    private const int SOLD_OUT = 12;
    private const int FILTERS = 20;
    private const int MUGS = 21;
    private static readonly DateTime _now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    private InMemorySettings _settings;
    private MessageTemplateTable _templates;
    private List<QueuedEmail> _queued;
    private List<Customer> _customers;
    private HashSet<int> _registered;
    private List<NewsLetterSubscription> _subscriptions;
    private InMemoryRepository<NewsLetterSubscription> _newsletter;
    private ServingCatalog _catalog;
    private Mock<IQueuedEmailService> _queuedEmailService;
    private ReplenishmentEmailOptions _options;
    private RecommenderHolder _recommenders;
    private Dictionary<int, DateTime?> _lastReminders;
    private Dictionary<int, DateTime?> _stopped;
    private Mock<Nop.Services.Gdpr.IGdprService> _gdpr;

    public ReplenishmentEmailDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public async Task SetUpAsync()
    {
        await Repository<PersonalizationPrediction>().TruncateAsync();
        await Repository<PersonalizationEvent>().TruncateAsync();
        await Repository<PersonalizationEmailSend>().TruncateAsync();

        _settings = new InMemorySettings().Handle<PersonalizationSettings>().Handle<LocalizationSettings>();
        var settings = PersonalizationSettings.Defaults();
        settings.ReplenishmentEmailsEnabled = true;
        _settings.Save(settings);

        _templates = new MessageTemplateTable();
        await _templates.Installer(EMAIL_ACCOUNT).InstallAsync();

        _queued = [];
        _queuedEmailService = new Mock<IQueuedEmailService>();
        _queuedEmailService.Setup(s => s.InsertQueuedEmailAsync(It.IsAny<QueuedEmail>())).Callback((QueuedEmail email) => _queued.Add(email)).Returns(Task.CompletedTask);

        _customers = [];
        _registered = [];
        _subscriptions = [];
        _options = new ReplenishmentEmailOptions();

        _recommenders = new RecommenderHolder();
        _lastReminders = [];
        _stopped = [];
        _gdpr = new Mock<Nop.Services.Gdpr.IGdprService>();
        _catalog = new ServingCatalog();
        _catalog.Replace(new Dictionary<int, ServableProduct>
        {
            [COFFEE] = Product(COFFEE, inStock: true),
            [TEA] = Product(TEA, inStock: true),
            [SOLD_OUT] = Product(SOLD_OUT, inStock: false),
            [FILTERS] = Product(FILTERS, inStock: true),
            [MUGS] = Product(MUGS, inStock: true)
        });
    }

    private static ServableProduct Product(int id, bool inStock) =>
        new(id, Published: true, Deleted: false, VisibleIndividually: true, inStock, null, null, SubjectToAcl: false, LimitedToStores: false, [1], 0, 5m, _now.AddYears(-1));

    private void AddCustomer(int id, bool registered = true, bool subscribed = true, bool active = true)
    {
        var email = $"customer{id}@shop.test";
        _customers.Add(new Customer { Id = id, Email = email, Active = active });
        if (registered)
            _registered.Add(id);
        _subscriptions.Add(new NewsLetterSubscription
        {
            Id = id, Email = email, StoreId = STORE, Active = subscribed, LanguageId = 1, NewsLetterSubscriptionGuid = new Guid(id, 0, 0, new byte[8])
        });
    }

    private async Task<PersonalizationPrediction> PredictAsync(int customerId, int productId, double dueInDays = 1, decimal score = 0.5m, DateTime? emailedOnUtc = null,
        PredictionKind kind = PredictionKind.Replenishment)
    {
        var prediction = new PersonalizationPrediction
        {
            CustomerId = customerId,
            StoreId = STORE,
            ProductId = productId,
            Kind = (int)kind,
            DueOnUtc = _now.AddDays(dueInDays),
            Score = score,
            EmailedOnUtc = emailedOnUtc
        };
        await Repository<PersonalizationPrediction>().InsertAsync(prediction, publishEvent: false);
        return prediction;
    }

    private ReplenishmentEmailTask ReminderTask()
    {
        var customerService = new Mock<ICustomerService>();
        customerService.Setup(s => s.GetCustomersByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => _customers.Where(customer => ids.Contains(customer.Id)).ToList());
        customerService.Setup(s => s.IsRegisteredAsync(It.IsAny<Customer>(), It.IsAny<bool>())).ReturnsAsync((Customer customer, bool _) => _registered.Contains(customer.Id));
        customerService.Setup(s => s.GetCustomerFullNameAsync(It.IsAny<Customer>())).ReturnsAsync((Customer customer) => $"Customer {customer.Id}");

        var newsletter = new InMemoryRepository<NewsLetterSubscription>();
        newsletter.Rows.AddRange(_subscriptions);
        _newsletter = newsletter;

        var languages = EmailShopStandIns.EnglishOnly();

        var localization = EmailShopStandIns.StoredValues();
        localization.Setup(s => s.GetResourceAsync("Plugins.Misc.Personalization.ReplenishmentEmail.Complements", 1, It.IsAny<bool>(), It.IsAny<string>(), It.IsAny<bool>()))
            .ReturnsAsync("Often bought with them:");
        localization.Setup(s => s.GetResourceAsync("Plugins.Misc.Personalization.ReplenishmentEmail.NeedNext", 1, It.IsAny<bool>(), It.IsAny<string>(), It.IsAny<bool>()))
            .ReturnsAsync("You may need next:");
        localization.Setup(s => s.GetResourceAsync("Plugins.Misc.Personalization.ReplenishmentEmail.StopReminders", 1, It.IsAny<bool>(), It.IsAny<string>(), It.IsAny<bool>()))
            .ReturnsAsync("No more reminders like this one");
        //the shop translated one product name into the subscriber's language
        localization.Setup(s => s.GetLocalizedAsync(It.IsAny<Product>(), It.IsAny<Expression<Func<Product, string>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .Returns((Product product, Expression<Func<Product, string>> key, int? languageId, bool _, bool _) =>
                Task.FromResult(product.Id == TEA && languageId == 1 ? "Grüner Tee" : key.Compile()(product)));

        var attributes = new Mock<IGenericAttributeService>();
        attributes.Setup(s => s.GetAttributeAsync(It.IsAny<Customer>(), ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE, 0, It.IsAny<DateTime?>()))
            .ReturnsAsync((Nop.Core.BaseEntity customer, string _, int _, DateTime? _) => _lastReminders.GetValueOrDefault(customer.Id));
        attributes.Setup(s => s.SaveAttributeAsync(It.IsAny<Customer>(), ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE, It.IsAny<DateTime?>(), 0))
            .Callback((Nop.Core.BaseEntity customer, string _, DateTime? value, int _) => _lastReminders[customer.Id] = value)
            .Returns(Task.CompletedTask);

        attributes.Setup(s => s.GetAttributeAsync(It.IsAny<Customer>(), PersonalizationDefaults.RemindersStoppedAttribute, STORE, It.IsAny<DateTime?>()))
            .ReturnsAsync((Nop.Core.BaseEntity customer, string _, int _, DateTime? _) => _stopped.GetValueOrDefault(customer.Id));

        var emailAccounts = new Mock<IEmailAccountService>();
        emailAccounts.Setup(s => s.GetEmailAccountByIdAsync(EMAIL_ACCOUNT))
            .ReturnsAsync(new EmailAccount { Id = EMAIL_ACCOUNT, Email = "shop@shop.test", DisplayName = "Test Shop" });

        var stores = new InMemoryRepository<Store>();
        stores.Add(new Store { Name = "Test Shop", Url = "https://shop.test/" });
        var products = new InMemoryRepository<Product>();
        products.Rows.AddRange([new Product { Id = COFFEE, Name = "Coffee & beans" }, new Product { Id = TEA, Name = "Green tea" }, new Product { Id = SOLD_OUT, Name = "Sold out" },
            new Product { Id = FILTERS, Name = "Filters" }, new Product { Id = MUGS, Name = "Mugs" }]);
        var urlRecords = new InMemoryRepository<UrlRecord>();
        urlRecords.Rows.AddRange([
            new UrlRecord { Id = 1, EntityId = COFFEE, EntityName = "Product", Slug = "coffee", IsActive = true, LanguageId = 0 },
            new UrlRecord { Id = 2, EntityId = TEA, EntityName = "Product", Slug = "old-tea", IsActive = false, LanguageId = 0 }
        ]);
        var shopNames = new ShopNames(new InMemoryRepository<Category>().Object, new InMemoryRepository<Manufacturer>().Object, products.Object, stores.Object);

        var tracking = new EmailTracking(_settings.Service, new EventSink(100), new FakeTimeProvider(_now));
        var emailQueue = new PluginEmailQueue(new EmailAccountSettings { DefaultEmailAccountId = EMAIL_ACCOUNT }, emailAccounts.Object,
            localization.Object, _queuedEmailService.Object);
        var service = new ReplenishmentEmailService(customerService.Object, emailQueue, tracking, attributes.Object,
            localization.Object, new RecordingShopLog(), _templates.Object, new ReminderConsent(_gdpr.Object, newsletter.Object),
            new ReminderOptOut(customerService.Object, attributes.Object, Mock.Of<INewsLetterSubscriptionService>(), new FakeTimeProvider(_now)), _options,
            Repository<PersonalizationPrediction>(), new ReplenishmentProductLinks(localization.Object, shopNames, urlRecords.Object), _recommenders,
            new EmailSendLog(Repository<PersonalizationEmailSend>()), _catalog, _settings.Service, new EmailSiteRoot(languages.Object, _settings.Service),
            stores.Object, new FakeTimeProvider(_now));
        return new ReplenishmentEmailTask(new RecordingShopLog(), service, new EmailSendLock(new ImmediateFarmLock()));
    }

    private string SignedLink(EmailLinkPurpose purpose, int customerId) =>
        EmailLinks.Url("https://shop.test", _settings.Load<PersonalizationSettings>().TrackingKey, purpose, customerId, STORE);

    private async Task<IList<PersonalizationEmailSend>> SendsAsync() =>
        await Repository<PersonalizationEmailSend>().GetAllAsync(query => query.OrderBy(send => send.Id));

    /// <summary>
    /// The tracked address the n-th queued reminder must carry, signed independently of the service; the e-mail id is
    /// drawn at random, so it is taken from the queued body's pixel, whose signature the codec checks first.
    /// </summary>
    private Task<string> TrackedAsync(int emailIndex, int customerId, EmailTarget target, int productId = 0, string root = "https://shop.test")
    {
        var key = TrackingKeyBytes.Read(_settings.Load<PersonalizationSettings>().TrackingKey, EmailTrackingCodec.MIN_KEY_BYTES);
        var pixel = System.Text.RegularExpressions.Regex.Match(_queued[emailIndex].Body, "personalization/email/open\\?t=([A-Za-z0-9_-]+)").Groups[1].Value;
        var emailId = new EmailTrackingCodec(key).Check(pixel)!.EmailId;
        var token = new EmailTrackingCodec(key).Issue(new EmailTrackingSubject(EmailKind.Replenishment, emailId, customerId, STORE, target, productId));
        var path = target == EmailTarget.Open ? "personalization/email/open" : "personalization/email/click";
        return Task.FromResult($"{root}/{path}?t={token}");
    }

    private async Task<IList<PersonalizationPrediction>> PredictionsAsync() =>
        await Repository<PersonalizationPrediction>().GetAllAsync(query => query.OrderBy(prediction => prediction.Id));

    [Test]
    public async Task OneEmailIsQueuedPerEligibleCustomerWithTheirShowableProductsAndThoseAreMarkedEmailed()
    {
        AddCustomer(1);
        AddCustomer(2);
        var coffee = await PredictAsync(1, COFFEE, score: 0.9m);
        var tea = await PredictAsync(1, TEA, score: 0.6m);
        var soldOut = await PredictAsync(1, SOLD_OUT, score: 0.95m);
        var farOff = await PredictAsync(1, TEA, dueInDays: 20, score: 0.99m);
        var second = await PredictAsync(2, TEA, dueInDays: -1, score: 0.4m);

        await ReminderTask().ExecuteAsync();

        _queued.Select(email => email.To).Should().Equal("customer1@shop.test", "customer2@shop.test");
        var first = _queued[0];
        first.Subject.Should().Be("Test Shop: time to stock up again?");
        first.Body.Should().Contain("Hello Customer 1,")
            .And.Contain($"<ul><li><a href=\"{await TrackedAsync(0, 1, EmailTarget.Product, COFFEE)}\">Coffee &amp; beans</a></li><li>Gr&#252;ner Tee</li></ul>")
            .And.Contain($"<img src=\"{await TrackedAsync(0, 1, EmailTarget.Open)}\"")
            .And.Contain($"<a href=\"{SignedLink(EmailLinkPurpose.NewsletterUnsubscribe, 1)}\">")
            .And.Contain($"<a href=\"{SignedLink(EmailLinkPurpose.StopReminders, 1)}\">")
            .And.NotContain("Sold out").And.NotContain("%");
        first.From.Should().Be("shop@shop.test");
        first.FromName.Should().Be("Test Shop");
        first.ToName.Should().Be("Customer 1");
        first.EmailAccountId.Should().Be(EMAIL_ACCOUNT);
        first.CreatedOnUtc.Should().Be(_now);
        _queued[1].Body.Should().Contain("<li>Gr&#252;ner Tee</li>").And.NotContain("Coffee");

        var emailed = (await PredictionsAsync()).ToDictionary(prediction => prediction.Id, prediction => prediction.EmailedOnUtc);
        emailed[coffee.Id].Should().Be(_now);
        emailed[tea.Id].Should().Be(_now);
        emailed[second.Id].Should().Be(_now);
        emailed[soldOut.Id].Should().BeNull();
        emailed[farOff.Id].Should().BeNull();
    }

    [Test]
    public async Task ConsentIsLookedUpOncePerBatchAndOnlyTheStoresOwnSubscriptionCounts()
    {
        AddCustomer(1);
        AddCustomer(2);
        AddCustomer(3);
        _subscriptions[1].StoreId = STORE + 1;
        foreach (var customer in new[] { 1, 2, 3 })
            await PredictAsync(customer, COFFEE);

        await ReminderTask().ExecuteAsync();

        _queued.Select(email => email.To).Should().BeEquivalentTo("customer1@shop.test", "customer3@shop.test");
        _newsletter.Mock.Verify(r => r.GetAllAsync(It.IsAny<Func<IQueryable<NewsLetterSubscription>, IQueryable<NewsLetterSubscription>>>(),
            It.IsAny<Func<Nop.Core.Caching.ICacheKeyService, Nop.Core.Caching.CacheKey>>(), It.IsAny<bool>()), Times.Once);
    }

    [Test]
    public async Task ACustomerWhoStoppedRemindersInThisStoreGetsNoneAndTheirPredictionsStayUnsent()
    {
        AddCustomer(1);
        AddCustomer(2);
        _stopped[1] = _now.AddDays(-3);
        var stopped = await PredictAsync(1, COFFEE);
        await PredictAsync(2, COFFEE);

        await ReminderTask().ExecuteAsync();

        _queued.Select(email => email.To).Should().Equal("customer2@shop.test");
        (await PredictionsAsync()).Single(prediction => prediction.Id == stopped.Id).EmailedOnUtc.Should().BeNull();
    }

    [Test]
    public async Task WithTheGdprConsentChosenOnlyCustomersWhoAcceptedItAreReminded()
    {
        var settings = _settings.Load<PersonalizationSettings>();
        settings.ReplenishmentEmailConsent = EmailConsent.GdprConsent;
        settings.ReplenishmentEmailGdprConsentId = 5;
        _settings.Save(settings);
        //1 subscribed but declined the consent; 3 never subscribed but accepted it
        AddCustomer(1);
        AddCustomer(3, subscribed: false);
        _gdpr.Setup(g => g.IsConsentAcceptedAsync(5, It.IsAny<int>())).ReturnsAsync((int _, int customerId) => customerId == 3 ? true : false);
        await PredictAsync(1, COFFEE);
        await PredictAsync(3, COFFEE);

        await ReminderTask().ExecuteAsync();

        _queued.Select(email => email.To).Should().Equal("customer3@shop.test");
    }

    [Test]
    public async Task ATemplateRewordedWithoutTheStopLinkStillCarriesIt()
    {
        _templates.Rows.Single().Body = "<p>Hello %Customer.FullName%</p>%Personalization.ReplenishmentProducts%";
        AddCustomer(1);
        await PredictAsync(1, COFFEE);

        await ReminderTask().ExecuteAsync();

        //the open pixel comes last, after the footer
        _queued.Single().Body.Should().Contain($"<p><a href=\"{SignedLink(EmailLinkPurpose.StopReminders, 1)}\">No more reminders like this one</a></p>\n<img src=")
            .And.EndWith(" />");
    }

    [Test]
    public async Task WithoutAUsableTrackingKeyNoReminderIsSentSinceItCouldNotCarryItsLinks()
    {
        var settings = _settings.Load<PersonalizationSettings>();
        settings.TrackingKey = "short";
        _settings.Save(settings);
        AddCustomer(1);
        await PredictAsync(1, COFFEE);

        await ReminderTask().ExecuteAsync();

        _queued.Should().BeEmpty();
    }

    [Test]
    public async Task WithSeoFriendlyLanguageUrlsTheLinksCarryTheLanguageCode()
    {
        _settings.Save(new LocalizationSettings { SeoFriendlyUrlsForLanguagesEnabled = true });
        AddCustomer(1);
        await PredictAsync(1, COFFEE);

        await ReminderTask().ExecuteAsync();

        _queued.Should().ContainSingle().Which.Body.Should().Contain($"<a href=\"{await TrackedAsync(0, 1, EmailTarget.Product, COFFEE, "https://shop.test/en")}\">")
            .And.Contain(EmailLinks.Url("https://shop.test/en", _settings.Load<PersonalizationSettings>().TrackingKey, EmailLinkPurpose.StopReminders, 1, STORE));
    }

    [Test]
    public async Task ProductsBoughtWithTheRemindedOnesAreAddedInStockOnlyUnderAHeading()
    {
        //filters go with coffee in most orders, mugs in fewer, the sold-out product in most
        var orders = Enumerable.Range(1, 30).SelectMany(order => new[]
        {
            Bought(order, COFFEE),
            order % 3 == 0 ? Bought(order, MUGS) : Bought(order, FILTERS),
            Bought(order, SOLD_OUT)
        });
        //the model was trained while the sold-out product was still in stock
        var facts = _catalog.All().Select(product => (product.Id == SOLD_OUT ? product with { InStock = true } : product).ToFacts()).ToList();
        _recommenders.Swap(STORE, 1, new Recommender(EngineTrainer.Train(orders, facts, new TrainingOptions { StoreId = STORE }, _now)));
        AddCustomer(1);
        AddCustomer(2);
        await PredictAsync(1, COFFEE);
        await PredictAsync(2, TEA);

        await ReminderTask().ExecuteAsync();

        _queued[0].Body.Should().Contain("<p>Often bought with them:</p><ul><li>Filters</li><li>Mugs</li></ul>").And.NotContain("Sold out");
        _queued[1].Body.Should().NotContain("Often bought");
    }

    [Test]
    public async Task ACustomersOpenTimedComplementsReplaceTheBoughtTogetherOnesUnderTheirOwnHeading()
    {
        var orders = Enumerable.Range(1, 30).SelectMany(order => new[] { Bought(order, COFFEE), Bought(order, FILTERS) });
        _recommenders.Swap(STORE, 1, new Recommender(EngineTrainer.Train(orders, _catalog.All().Select(product => product.ToFacts()).ToList(), new TrainingOptions { StoreId = STORE }, _now)));
        AddCustomer(1);
        AddCustomer(2);
        AddCustomer(3);
        await PredictAsync(1, COFFEE);
        await PredictAsync(2, COFFEE);
        await PredictAsync(3, COFFEE);
        //customer 1: mugs follow a recent purchase (window open), the sold-out product too, coffee is reminded anyway
        await ComplementAsync(1, MUGS, windowEndInDays: 10, score: 0.3m);
        await ComplementAsync(1, SOLD_OUT, windowEndInDays: 10, score: 0.9m);
        await ComplementAsync(1, COFFEE, windowEndInDays: 10, score: 0.8m);
        //customer 2: the window closed yesterday; customer 3 has none
        await ComplementAsync(2, MUGS, windowEndInDays: -1, score: 0.3m);

        await ReminderTask().ExecuteAsync();

        _queued.Select(email => email.To).Should().Equal("customer1@shop.test", "customer2@shop.test", "customer3@shop.test");
        _queued[0].Body.Should().Contain("<p>You may need next:</p><ul><li>Mugs</li></ul>").And.NotContain("Often bought").And.NotContain("Sold out");
        _queued[1].Body.Should().Contain("<p>Often bought with them:</p><ul><li>Filters</li></ul>").And.NotContain("Mugs");
        _queued[2].Body.Should().Contain("<p>Often bought with them:</p>").And.NotContain("You may need next");
        (await PredictionsAsync()).Where(prediction => prediction.Kind == (int)PredictionKind.Complement).Should().OnlyContain(prediction => prediction.EmailedOnUtc == null);
    }

    private async Task ComplementAsync(int customerId, int productId, double windowEndInDays, decimal score) =>
        await Repository<PersonalizationPrediction>().InsertAsync(new PersonalizationPrediction
        {
            CustomerId = customerId,
            StoreId = STORE,
            ProductId = productId,
            Kind = (int)PredictionKind.Complement,
            DueOnUtc = _now.AddDays(windowEndInDays),
            Score = score,
            AnchorProductId = FILTERS,
            AnchorOnUtc = _now.AddDays(-5)
        }, publishEvent: false);

    private static Interaction Bought(int order, int productId) =>
        new(STORE, 100 + order, productId, InteractionType.Purchase, _now.AddDays(-order), 1, 5m, order);

    [Test]
    public async Task GuestsUnsubscribedInactiveAndRecentlyRemindedCustomersGetNothing()
    {
        AddCustomer(1, registered: false);
        AddCustomer(2, subscribed: false);
        AddCustomer(3, active: false);
        AddCustomer(4);
        AddCustomer(5);
        foreach (var customer in new[] { 1, 2, 3, 4, 5 })
            await PredictAsync(customer, COFFEE);
        await PredictAsync(4, TEA, dueInDays: -40, emailedOnUtc: _now.AddDays(-5));
        await PredictAsync(5, TEA, dueInDays: -40, emailedOnUtc: _now.AddDays(-15));

        await ReminderTask().ExecuteAsync();

        _queued.Select(email => email.To).Should().Equal("customer5@shop.test");
        (await PredictionsAsync()).Where(prediction => prediction.ProductId == COFFEE && prediction.EmailedOnUtc != null)
            .Select(prediction => prediction.CustomerId).Should().Equal(5);
    }

    [Test]
    public async Task ABackInStockOfferEmailedRecentlyDoesNotHoldBackADueReminder()
    {
        AddCustomer(1);
        await PredictAsync(1, COFFEE);
        await PredictAsync(1, TEA, dueInDays: 9, emailedOnUtc: _now.AddDays(-1), kind: PredictionKind.BackInStock);

        await ReminderTask().ExecuteAsync();

        _queued.Select(email => email.To).Should().Equal("customer1@shop.test");
    }

    [Test]
    public async Task ABacklogBeyondOneChunkOfCustomersStillRespectsEveryonesLastReminder()
    {
        var customers = ReplenishmentEmailService.CUSTOMER_CHUNK + 200;
        var remindedRecently = new HashSet<int>();
        for (var customer = 1; customer <= customers; customer++)
        {
            AddCustomer(customer);
            await PredictAsync(customer, COFFEE, score: 0.1m + 0.8m * customer / customers);
            if (customer % 10 != 0)
                continue;
            remindedRecently.Add(customer);
            await PredictAsync(customer, TEA, dueInDays: -40, emailedOnUtc: _now.AddDays(-5));
        }

        await ReminderTask().ExecuteAsync();

        _queued.Should().HaveCount(_options.MaxEmailsPerRun);
        var reminded = _queued.Select(email => int.Parse(email.To["customer".Length..email.To.IndexOf('@')])).ToList();
        reminded.Should().NotIntersectWith(remindedRecently, "a customer reminded five days ago waits, whichever chunk they were read in");
    }

    [Test]
    public async Task TheLastReminderKeptOnTheCustomerCapsRemindersAfterTheRefreshReplacedThePredictions()
    {
        AddCustomer(1);
        AddCustomer(2);
        await PredictAsync(1, COFFEE);
        await PredictAsync(2, COFFEE);
        _lastReminders[1] = _now.AddDays(-5);
        _lastReminders[2] = _now.AddDays(-20);

        await ReminderTask().ExecuteAsync();

        _queued.Select(email => email.To).Should().Equal("customer2@shop.test");
        _lastReminders[2].Should().Be(_now);
        _lastReminders[1].Should().Be(_now.AddDays(-5));
    }

    [Test]
    public async Task ASecondRunDoesNotRemindTheSameCustomerAgain()
    {
        AddCustomer(1);
        await PredictAsync(1, COFFEE);

        await ReminderTask().ExecuteAsync();
        await PredictAsync(1, TEA);
        await ReminderTask().ExecuteAsync();

        _queued.Should().ContainSingle();
    }

    [Test]
    public async Task NothingIsSentWhileTheSettingIsOff()
    {
        var settings = _settings.Load<PersonalizationSettings>();
        settings.ReplenishmentEmailsEnabled = false;
        _settings.Save(settings);
        AddCustomer(1);
        await PredictAsync(1, COFFEE);

        await ReminderTask().ExecuteAsync();

        _queued.Should().BeEmpty();
        (await PredictionsAsync()).Should().OnlyContain(prediction => prediction.EmailedOnUtc == null);
    }

    [Test]
    public async Task NothingIsSentWhileTheTemplateIsInactive()
    {
        _templates.Rows.Single().IsActive = false;
        AddCustomer(1);
        await PredictAsync(1, COFFEE);

        await ReminderTask().ExecuteAsync();

        _queued.Should().BeEmpty();
    }

    [Test]
    public async Task ARunQueuesAtMostItsBoundMostConfidentCustomersFirst()
    {
        _options = new ReplenishmentEmailOptions { MaxEmailsPerRun = 2 };
        foreach (var (customer, score) in new[] { (1, 0.2m), (2, 0.9m), (3, 0.5m) })
        {
            AddCustomer(customer);
            await PredictAsync(customer, COFFEE, score: score);
        }

        await ReminderTask().ExecuteAsync();

        _queued.Select(email => email.To).Should().Equal("customer2@shop.test", "customer3@shop.test");
    }

    [TestCase(null, 0, null)]
    [TestCase(3, 0, 3)]
    [TestCase(2, 1, 48)]
    public async Task TheTemplatesDelayBeforeSendIsHonoured(int? delay, int periodId, int? hours)
    {
        _templates.Rows.Single().DelayBeforeSend = delay;
        _templates.Rows.Single().DelayPeriodId = periodId;
        AddCustomer(1);
        await PredictAsync(1, COFFEE);

        await ReminderTask().ExecuteAsync();

        _queued.Single().DontSendBeforeDateUtc.Should().Be(hours.HasValue ? _now.AddHours(hours.Value) : null);
    }

    [Test]
    public async Task AFailingQueueNeitherThrowsNorMarksThePredictions()
    {
        _queuedEmailService.Setup(s => s.InsertQueuedEmailAsync(It.IsAny<QueuedEmail>())).ThrowsAsync(new InvalidOperationException("database down"));
        AddCustomer(1);
        await PredictAsync(1, COFFEE);

        await ReminderTask().Invoking(task => task.ExecuteAsync()).Should().NotThrowAsync();

        (await PredictionsAsync()).Should().OnlyContain(prediction => prediction.EmailedOnUtc == null);
        (await SendsAsync()).Should().BeEmpty("an e-mail that was never queued was not sent");
    }

    [Test]
    public async Task EachQueuedReminderIsRecordedAsOneSendInTheSendLogAndHasItsOwnSignedLinks()
    {
        AddCustomer(1);
        AddCustomer(2, subscribed: false);
        AddCustomer(3);
        await PredictAsync(1, COFFEE);
        await PredictAsync(2, COFFEE);
        await PredictAsync(3, COFFEE);

        await ReminderTask().ExecuteAsync();

        var sends = await SendsAsync();
        sends.Select(send => send.CustomerId).Should().Equal(1, 3);
        sends.Should().OnlyContain(send => send.StoreId == STORE && send.Kind == (int)EmailKind.Replenishment && send.SentOnUtc == _now);
        (await Repository<PersonalizationEvent>().GetAllAsync(query => query.Where(e => e.EventType == (int)InteractionType.EmailSent)))
            .Should().BeEmpty("the send log is the one record of sends");
        _queued.Should().HaveCount(2);
        _queued[0].Body.Should().Contain(await TrackedAsync(0, 1, EmailTarget.Product, COFFEE)).And.NotContain(await TrackedAsync(1, 3, EmailTarget.Product, COFFEE));
        _queued[1].Body.Should().Contain(await TrackedAsync(1, 3, EmailTarget.Product, COFFEE)).And.Contain(await TrackedAsync(1, 3, EmailTarget.Open));
        (await TrackedAsync(0, 1, EmailTarget.Open)).Should().NotBe(await TrackedAsync(1, 1, EmailTarget.Open), "each e-mail has its own id");
    }
}

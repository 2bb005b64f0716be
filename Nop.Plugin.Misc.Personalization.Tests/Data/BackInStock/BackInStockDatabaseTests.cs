using System.Linq.Expressions;
using LinqToDB;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Seo;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.BackInStock;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.Replenishment;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.BackInStock;

/// <summary>
/// A product coming back in stock, from nopCommerce's tables (product, warehouses, "notify me" subscriptions) and the
/// plugin's events to stored offers, memory and e-mails; nopCommerce's customer, newsletter and messaging services mocked.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class BackInStockDatabaseTests : MigratedDatabaseTest
{
    private const int STORE = 1;
    private const int EMAIL_ACCOUNT = 7;
    private static readonly DateTime _now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private DataOptions _options;
    private FakeTimeProvider _time;
    private InMemorySettings _settings;
    private ServingCatalog _catalog;
    private BackInStockOffers _offers;
    private MessageTemplateTable _templates;
    private List<QueuedEmail> _queued;
    private List<Customer> _customers;
    private List<NewsLetterSubscription> _newsletter;

    public BackInStockDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public async Task CreateShopTablesAsync()
    {
        _options = ShopTables.Options(Database, typeof(Product), typeof(ProductCategory), typeof(ProductManufacturer),
            typeof(ProductWarehouseInventory), typeof(ProductAttributeCombination), typeof(BackInStockSubscription));
        await ShopTables.CreateAsync<Product>(_options);
        await ShopTables.CreateAsync<ProductCategory>(_options);
        await ShopTables.CreateAsync<ProductManufacturer>(_options);
        await ShopTables.CreateAsync<ProductWarehouseInventory>(_options);
        await ShopTables.CreateAsync<ProductAttributeCombination>(_options);
        await ShopTables.CreateAsync<BackInStockSubscription>(_options);
    }

    [SetUp]
    public async Task SetUpAsync()
    {
        await Repo<PersonalizationPrediction>().TruncateAsync();
        await Repo<PersonalizationEvent>().TruncateAsync();
        await Repo<PersonalizationEmailSend>().TruncateAsync();
        await Repo<BackInStockSubscription>().TruncateAsync();
        await Repo<ProductWarehouseInventory>().TruncateAsync();
        await Repo<Product>().TruncateAsync();

        _time = new FakeTimeProvider(new DateTimeOffset(_now));
        _settings = new InMemorySettings().Handle<PersonalizationSettings>().Handle<LocalizationSettings>();
        var settings = PersonalizationSettings.Defaults();
        settings.BackInStockMaxCustomers = 1;
        _settings.Save(settings);
        _catalog = new ServingCatalog();
        _catalog.Replace(new Dictionary<int, ServableProduct>());
        _offers = new BackInStockOffers();
        _templates = new MessageTemplateTable();
        await new BackInStockEmailTemplate(new EmailAccountSettings { DefaultEmailAccountId = EMAIL_ACCOUNT }, _templates.Object).InstallAsync();
        _queued = [];
        _customers = [];
        _newsletter = [];
    }

    private LinqToDbRepository<T> Repo<T>() where T : Nop.Core.BaseEntity => new(_options);

    private void Settings(Action<PersonalizationSettings> change)
    {
        var settings = _settings.Load<PersonalizationSettings>();
        change(settings);
        _settings.Save(settings);
    }

    /// <summary>A tent stocked in two warehouses: sold out, then restocked by the owner.</summary>
    private async Task<int> TentAsync(int unitsInWarehouse)
    {
        var tent = new Product
        {
            Name = "Tent", Published = true, VisibleIndividually = true, ManageInventoryMethod = ManageInventoryMethod.ManageStock,
            UseMultipleWarehouses = true, CreatedOnUtc = _now.AddYears(-1), UpdatedOnUtc = _now
        };
        await Repo<Product>().InsertAsync(tent, publishEvent: false);
        await Repo<ProductWarehouseInventory>().InsertAsync(new ProductWarehouseInventory { ProductId = tent.Id, WarehouseId = 1, StockQuantity = unitsInWarehouse }, publishEvent: false);
        _catalog.Upsert(new ServableProduct(tent.Id, true, false, true, false, null, null, false, false, [], 0, 100m, tent.CreatedOnUtc) { StockLeft = 0 });
        return tent.Id;
    }

    private async Task SubscribeAsync(int customerId, int productId, double daysAgo, int storeId = STORE) =>
        await Repo<BackInStockSubscription>().InsertAsync(new BackInStockSubscription
        {
            CustomerId = customerId, ProductId = productId, StoreId = storeId, CreatedOnUtc = _now.AddDays(-daysAgo)
        }, publishEvent: false);

    private async Task EventAsync(int customerId, int productId, InteractionType type, double daysAgo, int storeId = STORE) =>
        await Repository<PersonalizationEvent>().InsertAsync(new PersonalizationEvent
        {
            StoreId = storeId, CustomerId = customerId, ProductId = productId, EventType = (int)type, Quantity = 1, Placement = string.Empty,
            Query = string.Empty, CreatedOnUtc = _now.AddDays(-daysAgo)
        }, publishEvent: false);

    private void AddCustomer(int id, bool subscribedToNewsletter = true)
    {
        _customers.Add(new Customer { Id = id, Email = $"customer{id}@shop.test", Active = true });
        _newsletter.Add(new NewsLetterSubscription
        {
            Id = id, Email = $"customer{id}@shop.test", StoreId = STORE, Active = subscribedToNewsletter, LanguageId = 1,
            NewsLetterSubscriptionGuid = new Guid(id, 0, 0, new byte[8])
        });
    }

    private BackInStockOfferService Service()
    {
        var customerService = new Mock<ICustomerService>();
        customerService.Setup(s => s.GetCustomersByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => _customers.Where(customer => ids.Contains(customer.Id)).ToList());
        customerService.Setup(s => s.IsRegisteredAsync(It.IsAny<Customer>(), It.IsAny<bool>())).ReturnsAsync(true);
        customerService.Setup(s => s.GetCustomerFullNameAsync(It.IsAny<Customer>())).ReturnsAsync((Customer customer) => $"Customer {customer.Id}");

        var languages = EmailShopStandIns.EnglishOnly();
        var localization = EmailShopStandIns.StoredValues();
        localization.Setup(s => s.GetLocalizedAsync(It.IsAny<Product>(), It.IsAny<Expression<Func<Product, string>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .Returns((Product product, Expression<Func<Product, string>> key, int? _, bool _, bool _) => Task.FromResult(key.Compile()(product)));
        localization.Setup(s => s.GetResourceAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<string>(), It.IsAny<bool>()))
            .ReturnsAsync("No more reminders like this one");
        var attributes = new Mock<IGenericAttributeService>();
        var emailAccounts = new Mock<IEmailAccountService>();
        emailAccounts.Setup(s => s.GetEmailAccountByIdAsync(EMAIL_ACCOUNT)).ReturnsAsync(new EmailAccount { Id = EMAIL_ACCOUNT, Email = "shop@shop.test", DisplayName = "Test Shop" });
        var queuedEmails = new Mock<IQueuedEmailService>();
        queuedEmails.Setup(s => s.InsertQueuedEmailAsync(It.IsAny<QueuedEmail>())).Callback((QueuedEmail email) => _queued.Add(email)).Returns(Task.CompletedTask);

        var stores = new InMemoryRepository<Store>();
        stores.Add(new Store { Name = "Test Shop", Url = "https://shop.test/" });
        var newsletter = new InMemoryRepository<NewsLetterSubscription>();
        newsletter.Rows.AddRange(_newsletter);
        var shopNames = new ShopNames(new InMemoryRepository<Category>().Object, new InMemoryRepository<Manufacturer>().Object, Repo<Product>(), stores.Object);

        var tracking = new EmailTracking(_settings.Service, new EventSink(100), _time);
        var emailService = new BackInStockEmailService(customerService.Object,
            new PluginEmailQueue(new EmailAccountSettings { DefaultEmailAccountId = EMAIL_ACCOUNT }, emailAccounts.Object, localization.Object, queuedEmails.Object),
            tracking, Repository<PersonalizationEvent>(), localization.Object, new RecordingShopLog(), _templates.Object,
            new ReminderConsent(Mock.Of<Nop.Services.Gdpr.IGdprService>(), newsletter.Object),
            new ReminderOptOut(customerService.Object, attributes.Object, Mock.Of<INewsLetterSubscriptionService>(), _time),
            Repository<PersonalizationPrediction>(), new ReplenishmentProductLinks(localization.Object, shopNames, new InMemoryRepository<UrlRecord>().Object),
            new EmailSendLog(Repository<PersonalizationEmailSend>()), _catalog, _settings.Service, new EmailSiteRoot(languages.Object, _settings.Service), stores.Object);

        var reader = new ProductFactsReader(Admin.AttributeReaders.Empty(Repo<Product>()), Repo<ProductAttributeCombination>(), Repo<ProductCategory>(), Repo<ProductManufacturer>(), Repo<Product>(),
            Repo<ProductWarehouseInventory>());
        return new BackInStockOfferService(emailService, Repository<PersonalizationEvent>(), _offers, Repository<PersonalizationPrediction>(), reader,
            new RecommenderHolder(), _catalog, _settings.Service, stores.Object, Repo<BackInStockSubscription>(), _time);
    }

    private async Task<IList<PersonalizationPrediction>> OffersAsync() =>
        await Repository<PersonalizationPrediction>().GetAllAsync(query => query.OrderByDescending(p => p.Score).ThenBy(p => p.CustomerId));

    [Test]
    public async Task ARestockedProductIsOfferedToItsSubscribersFirstThenTheTopPredictedCustomersOnce()
    {
        var tent = await TentAsync(unitsInWarehouse: 4);
        await SubscribeAsync(30, tent, daysAgo: 2);
        await SubscribeAsync(31, tent, daysAgo: 1, storeId: 2);
        await EventAsync(40, tent, InteractionType.View, 1);
        await EventAsync(40, tent, InteractionType.View, 1);
        await EventAsync(50, tent, InteractionType.View, 1);
        await EventAsync(60, tent, InteractionType.Purchase, 1);
        await EventAsync(60, tent, InteractionType.View, 1);
        //nopCommerce deleted this subscription after telling the customer; the watch kept it
        var ended = new Dictionary<int, List<BackInStockSubscriber>> { [STORE] = [new BackInStockSubscriber(20, _now.AddDays(-9))] };

        var made = await Service().OfferAsync(tent, ended);

        made[STORE].Select(offer => (offer.CustomerId, offer.Subscribed)).Should().Equal((20, true), (30, true), (40, false));
        var stored = await OffersAsync();
        stored.Select(p => (p.CustomerId, p.StoreId, p.ProductId, p.Kind, p.Score, p.DueOnUtc, p.AnchorOnUtc, p.EmailedOnUtc)).Should().Equal(
            (20, STORE, tent, (int)PredictionKind.BackInStock, 1m, _now.AddDays(14), (DateTime?)_now, (DateTime?)null),
            (30, STORE, tent, (int)PredictionKind.BackInStock, 1m, _now.AddDays(14), _now, null),
            (40, STORE, tent, (int)PredictionKind.BackInStock, 0.99m, _now.AddDays(14), _now, null));
        _offers.For(STORE, 40).Should().Equal(new LiveOffer(tent, 0.99, _now, _now.AddDays(14)));
        _catalog.Find(tent).IsSellable(_now).Should().BeTrue("the warehouse stock read now replaces what the catalog load read");
        _queued.Should().BeEmpty("e-mails are off by default");

        _time.Advance(TimeSpan.FromHours(1));
        (await Service().OfferAsync(tent, new Dictionary<int, List<BackInStockSubscriber>>()))[STORE].Should().BeEmpty("live offers are not made again");
        (await OffersAsync()).Should().HaveCount(3);
    }

    [Test]
    public async Task AProductStillSoldOutIsOfferedToNobody()
    {
        var tent = await TentAsync(unitsInWarehouse: 0);
        await SubscribeAsync(30, tent, daysAgo: 2);

        (await Service().OfferAsync(tent, new Dictionary<int, List<BackInStockSubscriber>>())).Should().BeEmpty();
        (await OffersAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task LoadingDeletesExpiredOffersAndServesTheLiveOnes()
    {
        var tent = await TentAsync(unitsInWarehouse: 4);
        await SubscribeAsync(30, tent, daysAgo: 2);
        await Service().OfferAsync(tent, new Dictionary<int, List<BackInStockSubscriber>>());
        await Repository<PersonalizationPrediction>().InsertAsync(new PersonalizationPrediction
        {
            CustomerId = 31, StoreId = STORE, ProductId = tent, Kind = (int)PredictionKind.BackInStock, DueOnUtc = _now.AddDays(-1), AnchorOnUtc = _now.AddDays(-15), Score = 1m
        }, publishEvent: false);
        await Repository<PersonalizationPrediction>().InsertAsync(new PersonalizationPrediction
        {
            CustomerId = 32, StoreId = STORE, ProductId = tent, Kind = (int)PredictionKind.Replenishment, DueOnUtc = _now.AddDays(-1), Score = 1m
        }, publishEvent: false);
        _offers.Replace([]);

        await Service().LoadAsync();

        (await OffersAsync()).Select(p => p.CustomerId).Should().BeEquivalentTo([30, 32], "only the expired back-in-stock offer goes");
        _offers.For(STORE, 30).Should().ContainSingle().Which.ProductId.Should().Be(tent);
        _offers.For(STORE, 31).Should().BeEmpty();
        _offers.For(STORE, 32).Should().BeEmpty();
    }

    [Test]
    public async Task WhenTurnedOnOffersAreEmailedWithTheRemindersConsentAndTheSharedCapAndMarked()
    {
        Settings(s => s.BackInStockEmailsEnabled = true);
        var tent = await TentAsync(unitsInWarehouse: 4);
        await SubscribeAsync(30, tent, daysAgo: 3);
        await SubscribeAsync(31, tent, daysAgo: 2);
        await SubscribeAsync(32, tent, daysAgo: 1);
        AddCustomer(30);
        AddCustomer(31, subscribedToNewsletter: false);
        AddCustomer(32);
        //customer 32 got another plugin e-mail an hour ago: the shared frequency cap holds this one back
        await new EmailSendLog(Repository<PersonalizationEmailSend>()).RecordAsync(32, STORE, EmailKind.Replenishment, _now.AddHours(-1));

        await Service().OfferAsync(tent, new Dictionary<int, List<BackInStockSubscriber>>());

        _queued.Select(email => email.To).Should().Equal("customer30@shop.test");
        _queued[0].Subject.Should().Be("Test Shop: back in stock for you");
        _queued[0].Body.Should().Contain("Hello Customer 30,").And.Contain("Tent").And.Contain("/personalization/email/open?t=").And.NotContain("%");
        (await OffersAsync()).Select(p => (p.CustomerId, p.EmailedOnUtc)).Should().Equal((30, (DateTime?)_now), (31, null), (32, null));
        var sends = await Repository<PersonalizationEmailSend>().GetAllAsync(query => query.Where(send => send.CustomerId == 30));
        sends.Should().ContainSingle().Which.Kind.Should().Be((int)EmailKind.BackInStock);
    }
}

using System.Linq.Expressions;
using LinqToDB;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Seo;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Tasks;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.Replenishment;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Media;
using Nop.Services.Messages;

using Nop.Plugin.Misc.Personalization.Tests.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.AbandonedCarts;

/// <summary>
/// A small shop for abandoned-cart tests: carts and orders in the test database, nopCommerce's customer, newsletter,
/// messaging, currency and localization services as fakes, two stores.
/// </summary>
public sealed class AbandonedCartShop
{
    /// <summary>nopCommerce's prices for the shoppers: catalog price less their discount, their tax display; shown in euros at twice the primary rate.</summary>
    public RecipientPricesFake Prices { get; } = new();

    /// <summary>Products the owner marked "call for price".</summary>
    public HashSet<int> CallForPrice { get; } = [];

    public const int MAIN = 1;
    public const int OUTLET = 2;
    public const int EMAIL_ACCOUNT = 7;

    private readonly Func<Type, object> _repositories;

    public AbandonedCartShop(Func<Type, object> repositories, DateTime now)
    {
        _repositories = repositories;
        Clock = new FakeTimeProvider(now);
        Settings = new InMemorySettings().Handle<PersonalizationSettings>().Handle<LocalizationSettings>().Handle<PersonalizationAbandonedCartState>();
        var settings = PersonalizationSettings.Defaults();
        settings.AbandonedCartEmailsEnabled = true;
        Settings.Save(settings);
        Stores.Add(new Store { Name = "Main shop", Url = "https://main.test/" });
        Stores.Add(new Store { Name = "Outlet", Url = "https://outlet.test/" });
        Templates.Mock.Setup(s => s.GetMessageTemplatesByNameAsync(It.IsAny<string>(), It.IsAny<int?>()))
            .ReturnsAsync((string name, int? _) => Templates.Rows.Where(row => row.Name == name).ToList());
        Queue.Setup(s => s.InsertQueuedEmailAsync(It.IsAny<QueuedEmail>())).Callback((QueuedEmail email) => Queued.Add(email)).Returns(System.Threading.Tasks.Task.CompletedTask);
    }

    public FakeTimeProvider Clock { get; }

    public InMemorySettings Settings { get; }

    public InMemoryRepository<Store> Stores { get; } = new();

    public MessageTemplateTable Templates { get; } = new();

    public Mock<IQueuedEmailService> Queue { get; } = new();

    public List<QueuedEmail> Queued { get; } = [];

    public List<Customer> Customers { get; } = [];

    public HashSet<int> Registered { get; } = [];

    public List<NewsLetterSubscription> Subscriptions { get; } = [];

    public ServingCatalog Catalog { get; } = new();

    public RecommenderHolder Recommenders { get; } = new();

    public Dictionary<int, DateTime?> Stopped { get; } = [];

    public ImmediateFarmLock FarmLock { get; } = new();

    /// <summary>Products with a picture (nopCommerce's thumbnail address for the store, by product id).</summary>
    public Dictionary<int, string> Pictures { get; } = [];

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public IRepository<T> Repository<T>() where T : Nop.Core.BaseEntity => (IRepository<T>)_repositories(typeof(T));

    public void AddCustomer(int id, bool registered = true, bool subscribed = true, int store = MAIN, int? currencyId = null)
    {
        var email = $"shopper{id}@shop.test";
        Customers.Add(new Customer { Id = id, Email = email, Active = true, CurrencyId = currencyId });
        if (registered)
            Registered.Add(id);
        Subscriptions.Add(new NewsLetterSubscription { Id = Subscriptions.Count + 1, Email = email, StoreId = store, Active = subscribed, LanguageId = 1 });
    }

    public async Task<ShoppingCartItem> AddToCartAsync(int customerId, int productId, int quantity, double minutesAgo, int store = MAIN, string attributes = null)
    {
        var item = new ShoppingCartItem
        {
            CustomerId = customerId,
            StoreId = store,
            ProductId = productId,
            Quantity = quantity,
            ShoppingCartTypeId = (int)ShoppingCartType.ShoppingCart,
            AttributesXml = attributes,
            CreatedOnUtc = Now.AddMinutes(-minutesAgo),
            UpdatedOnUtc = Now.AddMinutes(-minutesAgo)
        };
        await Repository<ShoppingCartItem>().InsertAsync(item, publishEvent: false);
        return item;
    }

    public async Task OrderAsync(int customerId, double minutesAgo, int store = MAIN) =>
        await Repository<Order>().InsertAsync(new Order
        {
            OrderGuid = Guid.NewGuid(),
            CustomerId = customerId,
            StoreId = store,
            CreatedOnUtc = Now.AddMinutes(-minutesAgo)
        }, publishEvent: false);

    public void SetStore(int storeId, Action<PersonalizationSettings> change)
    {
        var settings = Settings.Load<PersonalizationSettings>(storeId);
        change(settings);
        Settings.Save(settings, storeId);
    }

    public AbandonedCartEmailTask Task(AbandonedCartEmailOptions options = null)
    {
        var customerService = new Mock<ICustomerService>();
        customerService.Setup(s => s.GetCustomersByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => Customers.Where(customer => ids.Contains(customer.Id)).ToList());
        customerService.Setup(s => s.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Customers.SingleOrDefault(customer => customer.Id == id));
        customerService.Setup(s => s.IsRegisteredAsync(It.IsAny<Customer>(), It.IsAny<bool>())).ReturnsAsync((Customer customer, bool _) => Registered.Contains(customer.Id));
        customerService.Setup(s => s.GetCustomerFullNameAsync(It.IsAny<Customer>())).ReturnsAsync((Customer customer) => $"Shopper {customer.Id}");

        var newsletter = new InMemoryRepository<NewsLetterSubscription>();
        newsletter.Rows.AddRange(Subscriptions);

        var languages = EmailShopStandIns.EnglishOnly();

        var localization = EmailShopStandIns.StoredValues();
        localization.Setup(s => s.GetLocalizedAsync(It.IsAny<Product>(), It.IsAny<Expression<Func<Product, string>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .Returns((Product product, Expression<Func<Product, string>> key, int? _, bool _, bool _) => System.Threading.Tasks.Task.FromResult(key.Compile()(product)));
        localization.Setup(s => s.GetResourceAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<string>(), It.IsAny<bool>()))
            .ReturnsAsync((string key, int _, bool _, string _, bool _) => key.EndsWith(".Complements", StringComparison.Ordinal) ? "Often bought with them:" : key);

        var attributes = new Mock<IGenericAttributeService>();
        attributes.Setup(s => s.GetAttributeAsync(It.IsAny<Customer>(), PersonalizationDefaults.RemindersStoppedAttribute, It.IsAny<int>(), It.IsAny<DateTime?>()))
            .ReturnsAsync((Nop.Core.BaseEntity customer, string _, int _, DateTime? _) => Stopped.GetValueOrDefault(customer.Id));

        var emailAccounts = new Mock<IEmailAccountService>();
        emailAccounts.Setup(s => s.GetEmailAccountByIdAsync(EMAIL_ACCOUNT))
            .ReturnsAsync(new EmailAccount { Id = EMAIL_ACCOUNT, Email = "shop@shop.test", DisplayName = "Test Shop" });

        //prices are shown in euros at twice the primary rate
        var products = new InMemoryRepository<Product>();
        products.Rows.AddRange(Catalog.All().Select(product => new Product
        {
            Id = product.Id, Name = $"Product {product.Id}", Price = product.Price, CallForPrice = CallForPrice.Contains(product.Id)
        }));
        Prices.ProductOf = id => products.Rows.Single(product => product.Id == id);
        var euro = new Currency { Id = 3, Published = true };
        var prices = Prices.Prices();
        Prices.Currencies.Setup(s => s.GetCurrencyByIdAsync(3)).ReturnsAsync(euro);
        Prices.Currencies.Setup(s => s.ConvertFromPrimaryStoreCurrencyAsync(It.IsAny<decimal>(), euro)).ReturnsAsync((decimal amount, Currency _) => amount * 2);
        var urlRecords = new InMemoryRepository<UrlRecord>();
        urlRecords.Rows.AddRange(Catalog.All().Select(product => new UrlRecord { Id = product.Id, EntityId = product.Id, EntityName = "Product", Slug = $"product-{product.Id}", IsActive = true }));
        var shopNames = new ShopNames(new InMemoryRepository<Category>().Object, new InMemoryRepository<Manufacturer>().Object, products.Object, Stores.Object);

        var pictures = new Mock<IPictureService>();
        pictures.Setup(s => s.GetPicturesByProductIdAsync(It.IsAny<int>(), 1))
            .ReturnsAsync((int productId, int _) => Pictures.ContainsKey(productId) ? [new Nop.Core.Domain.Media.Picture { Id = 1000 + productId }] : []);
        pictures.Setup(s => s.GetPictureUrlAsync(It.IsAny<int>(), AbandonedCartLinks.PICTURE_SIZE, false, It.IsAny<string>(), It.IsAny<Nop.Core.Domain.Media.PictureType>()))
            .ReturnsAsync((int pictureId, int _, bool _, string storeLocation, Nop.Core.Domain.Media.PictureType _) => storeLocation + Pictures[pictureId - 1000]);

        var reader = new AbandonedCartReader(Repository<ShoppingCartItem>(), Repository<PersonalizationEvent>(), Repository<Order>(), Repository<PersonalizationCartReminder>());
        var tracking = new EmailTracking(Settings.Service, new Nop.Plugin.Misc.Personalization.Services.Events.EventSink(100), Clock);
        var queue = new PluginEmailQueue(new EmailAccountSettings { DefaultEmailAccountId = EMAIL_ACCOUNT }, emailAccounts.Object, localization.Object, Queue.Object);
        var service = new AbandonedCartEmailService(new ReminderConsent(Mock.Of<Nop.Services.Gdpr.IGdprService>(), newsletter.Object), customerService.Object,
            new AbandonedCartLinks(pictures.Object, new ReplenishmentProductLinks(localization.Object, shopNames, urlRecords.Object)), localization.Object, new RecordingShopLog(),
            Templates.Object, new ReminderOptOut(customerService.Object, attributes.Object, Mock.Of<INewsLetterSubscriptionService>(), Clock),
            options ?? new AbandonedCartEmailOptions(), prices, products.Object, queue, reader, Recommenders,
            new EmailSendLog(Repository<PersonalizationEmailSend>()), Catalog, Settings.Service, new EmailSiteRoot(languages.Object, Settings.Service),
            tracking, Stores.Object, Clock);

        return new AbandonedCartEmailTask(service, new AbandonedCartRunLog(Settings.Service, Clock), new EmailSendLock(FarmLock), new RecordingShopLog());
    }

    public async Task InstallTemplateAsync() =>
        await new AbandonedCartEmailTemplate(new EmailAccountSettings { DefaultEmailAccountId = EMAIL_ACCOUNT }, Templates.Object).InstallAsync();

    public static ServableProduct Product(int id, bool inStock = true, decimal price = 5m, DateTime? created = null) =>
        new(id, Published: true, Deleted: false, VisibleIndividually: true, inStock, null, null, SubjectToAcl: false, LimitedToStores: false, [1], 0, price,
            created ?? new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
}

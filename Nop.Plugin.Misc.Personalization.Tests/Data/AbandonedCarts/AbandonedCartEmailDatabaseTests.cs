using FluentAssertions;
using LinqToDB;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.AbandonedCarts;

/// <summary>
/// The abandoned-cart task end to end on PostgreSQL and MariaDB: carts, orders, captured cart events, reminder rows and
/// the send log in the database; nopCommerce's messaging, customer, newsletter and currency services faked.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class AbandonedCartEmailDatabaseTests : MigratedDatabaseTest
{
    private const int SHOES = 10;
    private const int SOCKS = 11;
    private const int LACES = 12;
    private const int POLISH = 13;
    private const int SOLD_OUT = 14;
    private static readonly DateTime _now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private DataOptions _shopOptions;
    private AbandonedCartShop _shop;

    public AbandonedCartEmailDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public async Task CreateShopTablesAsync()
    {
        _shopOptions = ShopTables.Options(Database, typeof(ShoppingCartItem), typeof(Order));
        await ShopTables.CreateAsync<ShoppingCartItem>(_shopOptions);
        await ShopTables.CreateAsync<Order>(_shopOptions);
    }

    [SetUp]
    public async Task SetUpAsync()
    {
        await Shop<ShoppingCartItem>().TruncateAsync(resetIdentity: true);
        await Shop<Order>().TruncateAsync(resetIdentity: true);
        await Shop<PersonalizationEvent>().TruncateAsync();
        await Shop<PersonalizationCartReminder>().TruncateAsync();
        await Shop<PersonalizationEmailSend>().TruncateAsync();

        _shop = new AbandonedCartShop(type => Activator.CreateInstance(typeof(LinqToDbRepository<>).MakeGenericType(type), _shopOptions), _now);
        _shop.Catalog.Replace(new Dictionary<int, ServableProduct>
        {
            [SHOES] = AbandonedCartShop.Product(SHOES, price: 40m),
            [SOCKS] = AbandonedCartShop.Product(SOCKS, price: 3.5m),
            [LACES] = AbandonedCartShop.Product(LACES),
            [POLISH] = AbandonedCartShop.Product(POLISH),
            [SOLD_OUT] = AbandonedCartShop.Product(SOLD_OUT, inStock: false)
        });
        await _shop.InstallTemplateAsync();
    }

    private IRepository<TEntity> Shop<TEntity>() where TEntity : BaseEntity => new LinqToDbRepository<TEntity>(_shopOptions);

    private Task RunAsync() => _shop.Task().ExecuteAsync();

    private async Task<IList<PersonalizationCartReminder>> RemindersAsync() =>
        await Shop<PersonalizationCartReminder>().GetAllAsync(query => query.OrderBy(row => row.Id));

    [Test]
    public async Task ACartIdleForTheDelayIsEmailedWithItsItemsPricesQuantitiesAndASignedRestoreLink()
    {
        _shop.AddCustomer(1, currencyId: 3);
        _shop.Pictures[SHOES] = "images/thumbs/0000010_shoes_80.jpeg";
        await _shop.AddToCartAsync(1, SHOES, 1, minutesAgo: 90);
        await _shop.AddToCartAsync(1, SOCKS, 3, minutesAgo: 70);

        await RunAsync();

        _shop.Queued.Should().ContainSingle();
        var email = _shop.Queued[0];
        email.To.Should().Be("shopper1@shop.test");
        email.Subject.Should().Be("Main shop: your cart is waiting");
        email.Body.Should().Contain("Hello Shopper 1,")
            .And.Contain("<tr><td><img src=\"https://main.test/images/thumbs/0000010_shoes_80.jpeg\" alt=\"\" width=\"80\" /></td>")
            .And.NotContain("%");
        //each product links through the e-mail's tracked click (which redirects to its page), and the pixel counts the open
        email.Body.Should().MatchRegex("<td><a href=\"https://main\\.test/personalization/email/click\\?t=[A-Za-z0-9_-]+\">Product 10</a></td><td>€80\\.00</td><td>× 1</td></tr>")
            .And.MatchRegex("<tr><td></td><td><a href=\"https://main\\.test/personalization/email/click\\?t=[A-Za-z0-9_-]+\">Product 11</a></td><td>€7\\.00</td><td>× 3</td>")
            .And.MatchRegex("<img src=\"https://main\\.test/personalization/email/open\\?t=[A-Za-z0-9_-]+\" width=\"1\" height=\"1\"");
        var fingerprint = CartFingerprint.BytesOf([new CartLine(SHOES, string.Empty, 1), new CartLine(SOCKS, string.Empty, 3)]);
        var restore = EmailLinks.Url("https://main.test", _shop.Settings.Load<PersonalizationSettings>().TrackingKey, EmailLinkPurpose.RestoreCart, 1,
            AbandonedCartShop.MAIN, fingerprint);
        email.Body.Should().Contain($"<a href=\"{restore}&e=").And.Contain("\">Back to my cart</a>",
            "the restore link also carries the e-mail's own signed cart token, so the return counts as this e-mail's click");

        var reminder = (await RemindersAsync()).Should().ContainSingle().Subject;
        (reminder.CustomerId, reminder.StoreId, reminder.Fingerprint, reminder.FirstSentOnUtc, reminder.SecondSentOnUtc)
            .Should().Be((1, AbandonedCartShop.MAIN, CartFingerprint.Format(fingerprint), _now, (DateTime?)null));
        (await Shop<PersonalizationEmailSend>().GetAllAsync(query => query)).Select(send => (send.CustomerId, send.Kind))
            .Should().Equal((1, (int)EmailKind.AbandonedCart));
        _shop.Settings.Load<PersonalizationAbandonedCartState>().LastQueued.Should().Be(1);
    }

    [Test]
    public async Task EachLineShowsWhatTheShopperPaysForItWithTheirDiscountTaxDisplayAndTheLinesAttributes()
    {
        _shop.AddCustomer(1, currencyId: 3);
        _shop.Prices.DiscountByCustomer[1] = 0.5m;
        _shop.Prices.CustomersSeeingTax.Add(1);
        _shop.Prices.ChargeByAttributes["<Attributes><Size>XL</Size></Attributes>"] = 1m;
        await _shop.AddToCartAsync(1, SOCKS, 3, minutesAgo: 90);
        await _shop.AddToCartAsync(1, SOCKS, 1, minutesAgo: 80, attributes: "<Attributes><Size>XL</Size></Attributes>");

        await RunAsync();

        //socks cost 3.50; 3.00 after the shopper's discount, 4.00 in XL; with 25 % tax, in euros at twice the rate
        var body = _shop.Queued.Should().ContainSingle().Subject.Body;
        body.Should().MatchRegex(">Product 11</a></td><td>€7\\.50</td><td>× 3</td>").And.MatchRegex(">Product 11</a></td><td>€10\\.00</td><td>× 1</td>");
    }

    [Test]
    public async Task AProductWhosePriceTheShopDoesNotShowIsListedWithoutOne()
    {
        _shop.AddCustomer(1);
        await _shop.AddToCartAsync(1, SOCKS, 2, minutesAgo: 90);
        _shop.CallForPrice.Add(SOCKS);

        await RunAsync();

        _shop.Queued.Should().ContainSingle().Subject.Body.Should().MatchRegex(">Product 11</a></td><td></td><td>× 2</td>");
    }

    [Test]
    public async Task ACartChangedWithinTheDelayOrLongAgoIsNotEmailed()
    {
        _shop.AddCustomer(1);
        _shop.AddCustomer(2);
        _shop.AddCustomer(3);
        await _shop.AddToCartAsync(1, SHOES, 1, minutesAgo: 30);
        //an old line does not make a cart idle while another line changed recently
        await _shop.AddToCartAsync(2, SHOES, 1, minutesAgo: 300);
        await _shop.AddToCartAsync(2, SOCKS, 1, minutesAgo: 20);
        await _shop.AddToCartAsync(3, SHOES, 1, minutesAgo: 8 * 24 * 60);

        await RunAsync();

        _shop.Queued.Should().BeEmpty();
    }

    [Test]
    public async Task ACapturedRemovalCountsAsAChange()
    {
        _shop.AddCustomer(1);
        await _shop.AddToCartAsync(1, SHOES, 1, minutesAgo: 120);
        //the shopper removed socks 10 minutes ago: no row is left of them, the captured event tells
        await Shop<PersonalizationEvent>().InsertAsync(new PersonalizationEvent
        {
            StoreId = AbandonedCartShop.MAIN, CustomerId = 1, EventType = (int)InteractionType.RemoveFromCart, ProductId = SOCKS, Quantity = 1, CreatedOnUtc = _now.AddMinutes(-10)
        }, publishEvent: false);

        await RunAsync();

        _shop.Queued.Should().BeEmpty();
    }

    [Test]
    public async Task NoEmailAfterAnOrderPlacedSinceTheLastChange()
    {
        _shop.AddCustomer(1);
        _shop.AddCustomer(2);
        await _shop.AddToCartAsync(1, SHOES, 1, minutesAgo: 120);
        await _shop.OrderAsync(1, minutesAgo: 100);
        //an order before the cart changed does not count, nor one in another store
        await _shop.AddToCartAsync(2, SHOES, 1, minutesAgo: 120);
        await _shop.OrderAsync(2, minutesAgo: 200);
        await _shop.OrderAsync(2, minutesAgo: 100, store: AbandonedCartShop.OUTLET);

        await RunAsync();

        _shop.Queued.Select(email => email.To).Should().Equal("shopper2@shop.test");
    }

    [Test]
    public async Task TheSameCartStateIsEmailedOnceAndAChangeReArmsTheReminder()
    {
        _shop.AddCustomer(1);
        var shoes = await _shop.AddToCartAsync(1, SHOES, 1, minutesAgo: 120);

        await RunAsync();
        _shop.Clock.Advance(TimeSpan.FromHours(30));
        await RunAsync();
        _shop.Queued.Should().HaveCount(1, "the same state is never e-mailed twice without the second reminder");

        //the shopper changes the quantity and leaves again
        shoes.Quantity = 2;
        shoes.UpdatedOnUtc = _shop.Now;
        await Shop<ShoppingCartItem>().UpdateAsync(shoes, publishEvent: false);
        _shop.Clock.Advance(TimeSpan.FromMinutes(61));
        await RunAsync();

        _shop.Queued.Should().HaveCount(2);
        _shop.Queued[1].Body.Should().Contain("× 2");
        (await RemindersAsync()).Should().ContainSingle().Which.FirstSentOnUtc.Should().Be(_shop.Now);
    }

    [Test]
    public async Task TheOptionalSecondReminderGoesOnceAfterItsDelayForTheSameState()
    {
        _shop.SetStore(0, settings => settings.AbandonedCartSecondReminderEnabled = true);
        _shop.AddCustomer(1);
        await _shop.AddToCartAsync(1, SHOES, 1, minutesAgo: 120);

        await RunAsync();
        _shop.Clock.Advance(TimeSpan.FromHours(23));
        await RunAsync();
        _shop.Queued.Should().HaveCount(1, "24 hours have not passed");

        _shop.Clock.Advance(TimeSpan.FromHours(2));
        await RunAsync();
        _shop.Clock.Advance(TimeSpan.FromHours(25));
        await RunAsync();

        _shop.Queued.Should().HaveCount(2);
        (await RemindersAsync()).Single().SecondSentOnUtc.Should().Be(_now.AddHours(25));
    }

    [Test]
    public async Task OnlyRegisteredCustomersWithTheStoresConsentWhoDidNotStopRemindersAreEmailed()
    {
        _shop.AddCustomer(1, registered: false);
        _shop.AddCustomer(2, subscribed: false);
        _shop.AddCustomer(3, store: AbandonedCartShop.OUTLET);
        _shop.AddCustomer(4);
        _shop.AddCustomer(5);
        _shop.Stopped[4] = _now.AddDays(-3);
        foreach (var customer in new[] { 1, 2, 3, 4, 5 })
            await _shop.AddToCartAsync(customer, SHOES, 1, minutesAgo: 120);

        await RunAsync();

        _shop.Queued.Select(email => email.To).Should().Equal("shopper5@shop.test");
        (await RemindersAsync()).Select(row => row.CustomerId).Should().Equal(5);
    }

    [Test]
    public async Task ThePluginsFrequencyCapHoldsACartBackAfterAReplenishmentReminderAndLetsItGoLater()
    {
        _shop.AddCustomer(1);
        await _shop.AddToCartAsync(1, SHOES, 1, minutesAgo: 120);
        await new EmailSendLog(Shop<PersonalizationEmailSend>()).RecordAsync(1, AbandonedCartShop.MAIN, EmailKind.Replenishment, _now.AddHours(-3));

        await RunAsync();
        _shop.Queued.Should().BeEmpty();
        _shop.Settings.Load<PersonalizationAbandonedCartState>().LastCapped.Should().Be(1);

        _shop.Clock.Advance(TimeSpan.FromHours(21));
        await RunAsync();

        _shop.Queued.Should().ContainSingle();
    }

    [Test]
    public async Task EachStoreFollowsItsOwnSettingAndLinksToItsOwnAddress()
    {
        _shop.SetStore(AbandonedCartShop.OUTLET, settings => settings.AbandonedCartEmailsEnabled = true);
        _shop.SetStore(AbandonedCartShop.MAIN, settings => settings.AbandonedCartEmailsEnabled = false);
        _shop.AddCustomer(1, store: AbandonedCartShop.OUTLET);
        _shop.AddCustomer(2);
        await _shop.AddToCartAsync(1, SHOES, 1, minutesAgo: 120, store: AbandonedCartShop.OUTLET);
        await _shop.AddToCartAsync(2, SHOES, 1, minutesAgo: 120);

        await RunAsync();

        _shop.Queued.Should().ContainSingle().Which.Body.Should().Contain("https://outlet.test/personalization/email/cart?token=")
            .And.Contain("Outlet").And.NotContain("main.test");
        (await RemindersAsync()).Single().StoreId.Should().Be(AbandonedCartShop.OUTLET);
    }

    [Test]
    public async Task NothingIsSentWhileTheFeatureIsOffTheTemplateInactiveOrAnotherNodeSends()
    {
        _shop.AddCustomer(1);
        await _shop.AddToCartAsync(1, SHOES, 1, minutesAgo: 120);

        _shop.SetStore(0, settings => settings.AbandonedCartEmailsEnabled = false);
        await RunAsync();
        _shop.SetStore(0, settings => settings.AbandonedCartEmailsEnabled = true);
        _shop.FarmLock.HeldElsewhere = true;
        await RunAsync();
        _shop.FarmLock.HeldElsewhere = false;
        _shop.Templates.Rows.Single().IsActive = false;
        await RunAsync();

        _shop.Queued.Should().BeEmpty();
        (await RemindersAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task UpToThreeComplementsInStockFromTheModelFollowTheItems()
    {
        var orders = Enumerable.Range(1, 30).SelectMany(order => new[]
        {
            Bought(order, SHOES), Bought(order, SOCKS), Bought(order, LACES), Bought(order, POLISH), Bought(order, SOLD_OUT)
        });
        var facts = _shop.Catalog.All().Select(product => (product with { InStock = true }).ToFacts()).ToList();
        _shop.Recommenders.Swap(AbandonedCartShop.MAIN, 1, new Recommender(EngineTrainer.Train(orders, facts, new TrainingOptions { StoreId = AbandonedCartShop.MAIN }, _now)));
        _shop.AddCustomer(1);
        await _shop.AddToCartAsync(1, SHOES, 1, minutesAgo: 120);

        await RunAsync();

        var body = _shop.Queued.Single().Body;
        var complements = body[body.IndexOf("Often bought with them:", StringComparison.Ordinal)..];
        complements.Should().Contain("Product 11").And.Contain("Product 12").And.Contain("Product 13").And.NotContain("Product 14").And.NotContain("Product 10");
    }

    private static Interaction Bought(int order, int productId) =>
        new(AbandonedCartShop.MAIN, 100 + order, productId, InteractionType.Purchase, _now.AddDays(-order), 1, 5m, order);
}

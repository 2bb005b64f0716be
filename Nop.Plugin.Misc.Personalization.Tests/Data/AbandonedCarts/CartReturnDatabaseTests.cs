using Nop.Plugin.Misc.Personalization.Services.Measurement;
using LinqToDB;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.AbandonedCarts;

/// <summary>
/// Restore-link clicks against the cart in PostgreSQL and MariaDB: who is believed (only the signature), where the
/// visitor goes, stale and tampered links, and the logged return.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class CartReturnDatabaseTests : MigratedDatabaseTest
{
    private const int STORE = 1;
    private const int SHOPPER = 42;
    private static readonly DateTime _now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private DataOptions _shopOptions;
    private PersonalizationSettings _settings;
    private List<CaptureItem> _captured;
    private bool _mayIdentify;

    public CartReturnDatabaseTests(DatabaseEngine engine) : base(engine)
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
        _settings = PersonalizationSettings.Defaults();
        _captured = [];
        _mayIdentify = true;
        await Shop<ShoppingCartItem>().InsertAsync(new ShoppingCartItem
        {
            CustomerId = SHOPPER, StoreId = STORE, ProductId = 10, Quantity = 2, ShoppingCartTypeId = (int)ShoppingCartType.ShoppingCart,
            CreatedOnUtc = _now.AddHours(-2), UpdatedOnUtc = _now.AddHours(-2)
        }, publishEvent: false);
    }

    private IRepository<TEntity> Shop<TEntity>() where TEntity : Nop.Core.BaseEntity => new LinqToDbRepository<TEntity>(_shopOptions);

    private CartReturn CartReturn()
    {
        var customers = new Mock<ICustomerService>();
        customers.Setup(s => s.GetCustomerByIdAsync(SHOPPER)).ReturnsAsync(new Customer { Id = SHOPPER, Email = "shopper@shop.test", Active = true });
        var consent = new Mock<IPersonalizationConsent>();
        consent.Setup(s => s.MayIdentifyAsync(It.IsAny<Customer>(), STORE)).ReturnsAsync(() => _mayIdentify);
        var sink = new Mock<IEventSink>();
        sink.Setup(s => s.TryEnqueue(It.IsAny<CaptureItem>())).Callback((CaptureItem item) => _captured.Add(item)).Returns(true);

        return new CartReturn(consent.Object, customers.Object,
            new AbandonedCartReader(Shop<ShoppingCartItem>(), Shop<PersonalizationEvent>(), Shop<Order>(), Shop<PersonalizationCartReminder>()),
            sink.Object, new FakeTimeProvider(_now));
    }

    private const int EMAIL_ID = 77;

    /// <summary>The e-mail's own signed cart token that the restore link carries (parameter e).</summary>
    private string EmailToken(int customerId = SHOPPER, int storeId = STORE, EmailKind kind = EmailKind.AbandonedCart, EmailTarget target = EmailTarget.Cart) =>
        new EmailTrackingCodec(TrackingKeyBytes.Read(_settings.TrackingKey, EmailTrackingCodec.MIN_KEY_BYTES))
            .Issue(new EmailTrackingSubject(kind, EMAIL_ID, customerId, storeId, target, target == EmailTarget.Product ? 10 : 0));

    [Test]
    public async Task AReturnWithoutTheEmailsOwnTokenOrWithAnotherEmailsOpensTheCartButCountsNoClick()
    {
        foreach (var emailToken in new[] { null, "garbage", EmailToken(customerId: 99), EmailToken(kind: EmailKind.Replenishment), EmailToken(target: EmailTarget.Product) })
        {
            var outcome = await CartReturn().ReturnAsync(Token(), _settings, STORE, new Customer { Id = SHOPPER }, emailToken);
            outcome.Should().Be(new CartReturnOutcome(CartReturnAction.ShowCart, Stale: false, Logged: false), "e token {0}", emailToken ?? "(none)");
        }

        _captured.Should().BeEmpty();
    }

    private string Token(int customerId = SHOPPER, int storeId = STORE, int quantity = 2)
    {
        var url = EmailLinks.Url("https://shop.test", _settings.TrackingKey, EmailLinkPurpose.RestoreCart, customerId, storeId,
            CartFingerprint.BytesOf([new CartLine(10, string.Empty, quantity)]));
        return url[(url.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
    }

    [Test]
    public async Task TheShoppersOwnBrowserSeesTheCartAndTheReturnIsLoggedAsAnAbandonedCartClick()
    {
        var outcome = await CartReturn().ReturnAsync(Token(), _settings, STORE, new Customer { Id = SHOPPER }, EmailToken());

        outcome.Should().Be(new CartReturnOutcome(CartReturnAction.ShowCart, Stale: false, Logged: true));
        var logged = _captured.Should().ContainSingle().Subject.Event;
        (logged.CustomerId, logged.StoreId, logged.EventType, logged.Placement, logged.CreatedOnUtc)
            .Should().Be((SHOPPER, STORE, (int)InteractionType.EmailClick, EmailPlacement.Of(EmailKind.AbandonedCart, EMAIL_ID), _now));
    }

    [Test]
    public async Task AnotherBrowserIsAskedToSignInAndTheReturnStillCountsForTheSignedCustomer()
    {
        var outcome = await CartReturn().ReturnAsync(Token(), _settings, STORE, new Customer { Id = 7 }, EmailToken());

        outcome.Action.Should().Be(CartReturnAction.SignInForCart);
        _captured.Single().Event.CustomerId.Should().Be(SHOPPER);
    }

    [Test]
    public async Task ALinkForACartThatChangedSinceIsStaleButStillLeadsToTheCart()
    {
        var outcome = await CartReturn().ReturnAsync(Token(quantity: 1), _settings, STORE, new Customer { Id = SHOPPER }, EmailToken());

        outcome.Should().Be(new CartReturnOutcome(CartReturnAction.ShowCart, Stale: true, Logged: true));
    }

    [Test]
    public async Task TamperedForeignStoreAndOtherKeyLinksAreInvalidAndLogNothing()
    {
        var genuine = Token();
        var tampered = genuine[..10] + (genuine[10] == 'A' ? 'B' : 'A') + genuine[11..];
        var otherKey = PersonalizationSettings.Defaults();
        var visitor = new Customer { Id = SHOPPER };

        (await CartReturn().ReturnAsync(tampered, _settings, STORE, visitor)).Action.Should().Be(CartReturnAction.Invalid);
        (await CartReturn().ReturnAsync(Token(storeId: 2), _settings, STORE, visitor)).Action.Should().Be(CartReturnAction.Invalid);
        (await CartReturn().ReturnAsync(genuine, otherKey, STORE, visitor)).Action.Should().Be(CartReturnAction.Invalid);
        (await CartReturn().ReturnAsync(Token(customerId: 999), _settings, STORE, visitor)).Action.Should().Be(CartReturnAction.Invalid, "the customer is gone");
        (await CartReturn().ReturnAsync(null, _settings, STORE, visitor)).Action.Should().Be(CartReturnAction.Invalid);
        _captured.Should().BeEmpty();
    }

    [Test]
    public async Task WithoutTrackingConsentTheReturnIsNotLogged()
    {
        _mayIdentify = false;

        var outcome = await CartReturn().ReturnAsync(Token(), _settings, STORE, new Customer { Id = SHOPPER }, EmailToken());

        (outcome.Action, outcome.Logged).Should().Be((CartReturnAction.ShowCart, false));
        _captured.Should().BeEmpty();
    }
}

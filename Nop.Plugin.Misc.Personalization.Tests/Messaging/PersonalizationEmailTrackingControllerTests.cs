using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Tests.Capture;
using Nop.Services.Customers;
using Nop.Services.Stores;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Personalization.Tests.Messaging;

/// <summary>
/// The open pixel and tracked clicks: only the signed token counts, a click leads only to the signed product on this
/// store (or the cart), and anything tampered, foreign or unknown leads home without recording anything.
/// </summary>
[TestFixture]
public class PersonalizationEmailTrackingControllerTests
{
    private const int STORE = 1;
    private const int RECIPIENT = 42;
    private const int MUG = 77;
    private const int HIDDEN = 78;
    private const int OTHER_STORES_ONLY = 79;
    private const int EMAIL = 9001;

    private CaptureFixture _fixture;
    private Mock<INopUrlHelper> _urls;
    private Mock<IStoreMappingService> _storeMapping;
    private ServingCatalog _catalog;
    private EmailOpenMemory _opens;
    private EmailTrackingRateLimiter _limiter;
    private Customer _recipient;

    [SetUp]
    public void SetUp()
    {
        _fixture = new CaptureFixture();
        //the visitor following the link is somebody else: the event must name the signed recipient
        _fixture.Customer = new Customer { Id = 500 };
        _recipient = new Customer { Id = RECIPIENT };
        _urls = new Mock<INopUrlHelper>();
        _urls.Setup(u => u.RouteGenericUrlAsync(It.Is<Product>(p => p.Id == MUG), null, null, null, null, true)).ReturnsAsync("/en/blue-mug");
        _storeMapping = new Mock<IStoreMappingService>();
        _storeMapping.Setup(s => s.AuthorizeAsync(It.Is<Product>(p => p.Id == OTHER_STORES_ONLY), STORE)).ReturnsAsync(false);
        _catalog = new ServingCatalog();
        _catalog.Replace(new Dictionary<int, ServableProduct>
        {
            [MUG] = Product(MUG, published: true, limitedToStores: false),
            [HIDDEN] = Product(HIDDEN, published: false, limitedToStores: false),
            [OTHER_STORES_ONLY] = Product(OTHER_STORES_ONLY, published: true, limitedToStores: true)
        });
        _opens = new EmailOpenMemory();
        _limiter = new EmailTrackingRateLimiter(_fixture.Time);
    }

    private static ServableProduct Product(int id, bool published, bool limitedToStores) =>
        new(id, published, Deleted: false, VisibleIndividually: true, InStock: true, null, null, SubjectToAcl: false, limitedToStores, [1], 0, 5m,
            new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private PersonalizationEmailTrackingController Controller(int storeId = STORE)
    {
        var customers = new Mock<ICustomerService>();
        customers.Setup(c => c.GetCustomerByIdAsync(RECIPIENT)).ReturnsAsync(() => _recipient);
        _fixture.StoreContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = storeId });
        var engagement = new EmailEngagement(_fixture.Capture, customers.Object, _opens, _fixture.SettingService.Object, _fixture.Sink, _fixture.Time);

        return new PersonalizationEmailTrackingController(engagement, _urls.Object, _limiter, _catalog, _fixture.StoreContext.Object, _storeMapping.Object, _fixture.Time)
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };
    }

    private string Token(EmailTarget target, int targetId = 0, int storeId = STORE, int customerId = RECIPIENT, string key = null)
    {
        var bytes = TrackingKeyBytes.Read(key ?? _fixture.Settings.TrackingKey, EmailTrackingCodec.MIN_KEY_BYTES);
        return new EmailTrackingCodec(bytes).Issue(new EmailTrackingSubject(EmailKind.Replenishment, EMAIL, customerId, storeId, target, targetId));
    }

    private static void ShouldGoHome(IActionResult result) =>
        result.Should().BeOfType<RedirectToRouteResult>().Which.RouteName.Should().Be(PersonalizationEmailTrackingController.HOMEPAGE_ROUTE);

    [Test]
    public async Task AProductClickRecordsTheSignedRecipientsClickAndRedirectsToTheProductsPage()
    {
        var result = await Controller().Click(Token(EmailTarget.Product, MUG));

        result.Should().BeOfType<LocalRedirectResult>().Which.Url.Should().Be("/en/blue-mug");
        var click = _fixture.DrainEvents().Should().ContainSingle().Subject;
        (click.EventType, click.CustomerId, click.StoreId, click.ProductId, click.Placement)
            .Should().Be(((int)InteractionType.EmailClick, RECIPIENT, STORE, MUG, "email:1:9001"));
    }

    [Test]
    public async Task ACartClickRedirectsToTheCart()
    {
        var result = await Controller().Click(Token(EmailTarget.Cart));

        result.Should().BeOfType<RedirectToRouteResult>().Which.RouteName.Should().Be(PersonalizationEmailTrackingController.CART_ROUTE);
        _fixture.DrainEvents().Should().ContainSingle().Which.ProductId.Should().Be(0);
    }

    [Test]
    public async Task ATamperedTokenLeadsHomeAndRecordsNothing()
    {
        var token = Token(EmailTarget.Product, MUG).ToCharArray();
        token[10] = token[10] == 'A' ? 'B' : 'A';

        ShouldGoHome(await Controller().Click(new string(token)));
        _fixture.DrainEvents().Should().BeEmpty();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("https://evil.example/phish")]
    public async Task AMissingOrForeignValueLeadsHomeNeverElsewhere(string token)
    {
        ShouldGoHome(await Controller().Click(token));
        _fixture.DrainEvents().Should().BeEmpty();
    }

    [Test]
    public async Task ATokenSignedForAnotherStoreOrWithAnotherKeyIsRefused()
    {
        ShouldGoHome(await Controller(storeId: 2).Click(Token(EmailTarget.Product, MUG)));
        ShouldGoHome(await Controller().Click(Token(EmailTarget.Product, MUG, key: Convert.ToBase64String(new byte[32]))));
        _fixture.DrainEvents().Should().BeEmpty();
    }

    [Test]
    public async Task ThePixelTokenIsNoClickLink()
    {
        ShouldGoHome(await Controller().Click(Token(EmailTarget.Open)));
        _fixture.DrainEvents().Should().BeEmpty();
    }

    [Test]
    public async Task AProductNoLongerShownInThisStoreLeadsHomeButTheClickCounts()
    {
        ShouldGoHome(await Controller().Click(Token(EmailTarget.Product, HIDDEN)));
        ShouldGoHome(await Controller().Click(Token(EmailTarget.Product, OTHER_STORES_ONLY)));
        ShouldGoHome(await Controller().Click(Token(EmailTarget.Product, 4040)));

        _fixture.DrainEvents().Select(e => e.ProductId).Should().Equal(HIDDEN, OTHER_STORES_ONLY, 4040);
    }

    [Test]
    public async Task ARouterAnswerThatIsNotALocalPathIsNotFollowed()
    {
        _urls.Setup(u => u.RouteGenericUrlAsync(It.Is<Product>(p => p.Id == MUG), null, null, null, null, true)).ReturnsAsync("//evil.example/x");

        ShouldGoHome(await Controller().Click(Token(EmailTarget.Product, MUG)));
    }

    [Test]
    public async Task ThePixelIsAGifAndRecordsOneOpenPerEmail()
    {
        for (var i = 0; i < 3; i++)
        {
            var result = await Controller().Open(Token(EmailTarget.Open));
            var file = result.Should().BeOfType<FileContentResult>().Subject;
            file.ContentType.Should().Be("image/gif");
            file.FileContents.Should().Equal(EmailTrackingDefaults.Pixel.ToArray());
        }

        var open = _fixture.DrainEvents().Should().ContainSingle().Subject;
        (open.EventType, open.CustomerId, open.ProductId, open.Placement).Should().Be(((int)InteractionType.EmailOpen, RECIPIENT, 0, "email:1:9001"));
    }

    [Test]
    public async Task ABadPixelTokenStillAnswersTheGifAndRecordsNothing()
    {
        (await Controller().Open("forged")).Should().BeOfType<FileContentResult>();
        (await Controller().Open(Token(EmailTarget.Product, MUG))).Should().BeOfType<FileContentResult>();

        _fixture.DrainEvents().Should().BeEmpty();
    }

    [Test]
    public async Task ARecipientWithoutTrackingConsentIsCountedButNotNamed()
    {
        _fixture.Settings.Consent = TrackingConsent.Nobody;

        await Controller().Click(Token(EmailTarget.Product, MUG));

        var click = _fixture.DrainEvents().Should().ContainSingle().Subject;
        (click.CustomerId, click.Placement).Should().Be((0, "email:1:9001"));
    }

    [Test]
    public async Task ASubscriberWithoutAnAccountIsCountedForTheEmailOnly()
    {
        await Controller().Click(Token(EmailTarget.Product, MUG, customerId: 0));

        var click = _fixture.DrainEvents().Should().ContainSingle().Subject;
        (click.CustomerId, click.EventType, click.Placement).Should().Be((0, (int)InteractionType.EmailClick, "email:1:9001"));
    }

    [Test]
    public async Task BeyondTheRateLimitClicksAreRefusedWith429()
    {
        var token = Token(EmailTarget.Product, MUG);
        for (var i = 0; i < EmailTrackingDefaults.RequestsPerMinute; i++)
            await Controller().Click(token);

        (await Controller().Click(token)).Should().BeOfType<StatusCodeResult>().Which.StatusCode.Should().Be(StatusCodes.Status429TooManyRequests);
    }
}

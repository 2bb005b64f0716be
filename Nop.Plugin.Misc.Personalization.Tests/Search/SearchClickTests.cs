using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Plugin.Misc.Personalization.Tests.Capture;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.Search;

/// <summary>
/// The search page signs its query for its customer; a beacon with that token and a product becomes a search click
/// event carrying the query, whatever provider searched.
/// </summary>
[TestFixture]
public class SearchClickTests
{
    private const string ENDPOINT = "/en/personalization/track/search-click";

    private CaptureFixture _capture;
    private ClickRateLimiter _rateLimiter;
    private SearchClickTokens _tokens;
    private SearchClickTracking _tracking;

    [SetUp]
    public void SetUp()
    {
        _capture = new CaptureFixture();
        _capture.Customer.CustomerGuid = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        _capture.Catalog.Replace(new[] { 4, 5 }.ToDictionary(id => id,
            id => new ServableProduct(id, true, false, true, true, null, null, false, false, [id], 0, 10, CaptureFixture.Now.UtcDateTime.AddYears(-1))));
        var urlHelper = new Mock<INopUrlHelper>();
        urlHelper.Setup(u => u.RouteUrl(SearchClickDefaults.RouteName, null, null, null, null)).Returns(ENDPOINT);
        _tokens = new SearchClickTokens(_capture.Settings, _capture.Time);
        _rateLimiter = new ClickRateLimiter(_capture.Time);
        _tracking = new SearchClickTracking(_capture.Capture, urlHelper.Object, _tokens);
    }

    private PersonalizationSearchClickController Controller() =>
        new(_capture.Catalog, _rateLimiter, _tracking, _tokens, _capture.StoreContext.Object, _capture.WorkContext.Object);

    private static SearchModel Searched(string q, int found) => new()
    {
        q = q,
        CatalogProductsModel = new CatalogProductsModel
        {
            TotalItems = found,
            Products = Enumerable.Range(4, found).Select(id => new ProductOverviewModel { Id = id }).ToList()
        }
    };

    private async Task<string> RenderedTokenAsync(string q = "Desk lamp")
    {
        var model = await _tracking.PrepareAsync(Searched(q, 2), _capture.Customer, 1);
        model.Should().NotBeNull();
        model.EndpointUrl.Should().Be(ENDPOINT);
        return model.Token;
    }

    [Test]
    public async Task AClickOnAResultIsStoredWithTheSignedQueryForTheServerSideCustomer()
    {
        var token = await RenderedTokenAsync(" Desk\u0000lamp ");

        var result = await Controller().Click(5, token);

        result.Should().BeOfType<NoContentResult>();
        var click = _capture.DrainEvents().Single();
        click.EventType.Should().Be((int)InteractionType.SearchClick);
        click.Query.Should().Be("Desk lamp", "the query is stored as the search event stores it");
        click.ProductId.Should().Be(5);
        click.CustomerId.Should().Be(42);
        click.StoreId.Should().Be(1);
    }

    [Test]
    public async Task AShopperWhoMayNotBeIdentifiedStillTeachesTheQueryAnonymously()
    {
        var token = await RenderedTokenAsync();
        _capture.Settings.Consent = TrackingConsent.Nobody;

        (await Controller().Click(5, token)).Should().BeOfType<NoContentResult>();

        var click = _capture.DrainEvents().Single();
        click.CustomerId.Should().Be(0);
        click.Query.Should().Be("Desk lamp");
    }

    [Test]
    public async Task AnotherCustomersTokenIsRejected()
    {
        var token = await RenderedTokenAsync();
        _capture.Customer = new Customer { Id = 43, CustomerGuid = Guid.NewGuid() };

        await ShouldBeRejectedAsync(5, token);
    }

    [Test]
    public async Task ATamperedTokenIsRejected()
    {
        var token = await RenderedTokenAsync();
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        await ShouldBeRejectedAsync(5, tampered);
    }

    [Test]
    public async Task AnExpiredTokenIsRejected()
    {
        var token = await RenderedTokenAsync();
        _capture.Time.Advance(MeasurementDefaults.TokenLifetime + TimeSpan.FromMinutes(2));

        await ShouldBeRejectedAsync(5, token);
    }

    [Test]
    public async Task AProductTheStoreDoesNotSellIsRejected()
    {
        await ShouldBeRejectedAsync(77, await RenderedTokenAsync());
    }

    [TestCase(0, "token")]
    [TestCase(-5, "token")]
    [TestCase(5, null)]
    [TestCase(5, "")]
    [TestCase(5, "garbage/+==")]
    public async Task MalformedInputIsRejected(int product, string token)
    {
        await ShouldBeRejectedAsync(product, token);
    }

    [Test]
    public async Task ClicksShareTheWidgetBeaconsBudgetPerCustomer()
    {
        var token = await RenderedTokenAsync();
        for (var i = 0; i < MeasurementDefaults.ClicksPerMinute; i++)
            _rateLimiter.TryAcquire(42).Should().BeTrue();

        var result = await Controller().Click(5, token);

        result.Should().BeOfType<StatusCodeResult>().Which.StatusCode.Should().Be(StatusCodes.Status429TooManyRequests);
        _capture.DrainEvents().Should().BeEmpty();
    }

    [Test]
    public async Task ThePageCarriesNoBeaconWhenTheSearchFoundNothingOrNothingWasSearched()
    {
        (await _tracking.PrepareAsync(Searched("xqzzy", 0), _capture.Customer, 1)).Should().BeNull();
        (await _tracking.PrepareAsync(Searched("  ", 2), _capture.Customer, 1)).Should().BeNull();
        (await _tracking.PrepareAsync(new ProductOverviewModel(), _capture.Customer, 1)).Should().BeNull();
    }

    [Test]
    public async Task ThePageCarriesNoBeaconWhenThePluginCapturesNothing()
    {
        _capture.Settings.Enabled = false;

        (await _tracking.PrepareAsync(Searched("lamp", 2), _capture.Customer, 1)).Should().BeNull();
    }

    [Test]
    public async Task WithoutATrackingKeyNothingIsSignedAndNothingValidates()
    {
        var token = await RenderedTokenAsync();
        _capture.Settings.TrackingKey = null;

        (await _tracking.PrepareAsync(Searched("lamp", 2), _capture.Customer, 1)).Should().BeNull();
        await ShouldBeRejectedAsync(5, token);
    }

    private async Task ShouldBeRejectedAsync(int product, string token)
    {
        var result = await Controller().Click(product, token);

        result.Should().BeOfType<BadRequestResult>();
        _capture.DrainEvents().Should().BeEmpty();
    }
}

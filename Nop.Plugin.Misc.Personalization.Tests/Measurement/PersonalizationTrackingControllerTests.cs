using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Measurement;

[TestFixture]
public class PersonalizationTrackingControllerTests
{
    private TrackingFixture _fixture;
    private string _token;

    [SetUp]
    public void SetUp()
    {
        _fixture = new TrackingFixture();
        _token = _fixture.Tokens.Issue(TrackingFixture.PLACEMENT_ID, [3, 4, 5], _fixture.Capture.Customer.CustomerGuid);
    }

    [Test]
    public async Task AValidClickAnswers204AndIsCapturedForTheServerSideCustomer()
    {
        var result = await _fixture.Controller().Click(TrackingFixture.PLACEMENT_ID, 4, _token);

        result.Should().BeOfType<NoContentResult>();
        var click = _fixture.Capture.DrainEvents().Single();
        click.EventType.Should().Be((int)InteractionType.RecommendationClick);
        click.CustomerId.Should().Be(42);
        click.StoreId.Should().Be(1);
        click.ProductId.Should().Be(4);
        click.Placement.Should().Be("7");
    }

    [Test]
    public async Task AProductThatWasNotRenderedIsRejected()
    {
        await ShouldBeRejectedAsync(TrackingFixture.PLACEMENT_ID, 6, _token);
    }

    [Test]
    public async Task AnotherPlacementIsRejected()
    {
        await ShouldBeRejectedAsync(8, 4, _token);
    }

    [Test]
    public async Task AnotherCustomersTokenIsRejected()
    {
        _fixture.Capture.Customer = new Customer { Id = 43, CustomerGuid = Guid.NewGuid() };

        await ShouldBeRejectedAsync(TrackingFixture.PLACEMENT_ID, 4, _token);
    }

    [Test]
    public async Task AnExpiredTokenIsRejected()
    {
        _fixture.Capture.Time.Advance(MeasurementDefaults.TokenLifetime + TimeSpan.FromMinutes(2));

        await ShouldBeRejectedAsync(TrackingFixture.PLACEMENT_ID, 4, _token);
    }

    [Test]
    public async Task APlacementNoLongerInTheCatalogIsRejected()
    {
        _fixture.Catalog.Replace([]);

        await ShouldBeRejectedAsync(TrackingFixture.PLACEMENT_ID, 4, _token);
    }

    [TestCase(0, 4, "token")]
    [TestCase(7, 0, "token")]
    [TestCase(7, -4, "token")]
    [TestCase(7, 4, null)]
    [TestCase(7, 4, "")]
    [TestCase(7, 4, "garbage/+==")]
    public async Task MalformedInputIsRejected(int placement, int product, string token)
    {
        await ShouldBeRejectedAsync(placement, product, token);
    }

    [Test]
    public async Task AModelBindingErrorIsRejected()
    {
        var controller = _fixture.Controller();
        controller.ModelState.AddModelError("product", "not a number");

        (await controller.Click(TrackingFixture.PLACEMENT_ID, 4, _token)).Should().BeOfType<BadRequestResult>();
        _fixture.Capture.DrainEvents().Should().BeEmpty();
    }

    [Test]
    public async Task TooManyClicksAnswer429AndAreNotCaptured()
    {
        var controller = _fixture.Controller();
        for (var i = 0; i < MeasurementDefaults.ClicksPerMinute; i++)
            (await controller.Click(TrackingFixture.PLACEMENT_ID, 4, _token)).Should().BeOfType<NoContentResult>();

        var limited = await controller.Click(TrackingFixture.PLACEMENT_ID, 4, _token);

        limited.Should().BeOfType<StatusCodeResult>().Which.StatusCode.Should().Be(StatusCodes.Status429TooManyRequests);
        _fixture.Capture.DrainEvents().Should().HaveCount(MeasurementDefaults.ClicksPerMinute);
    }

    [Test]
    public async Task ForgedTokensSpendTheSameBudget()
    {
        var controller = _fixture.Controller();
        for (var i = 0; i < MeasurementDefaults.ClicksPerMinute; i++)
            await controller.Click(TrackingFixture.PLACEMENT_ID, 4, "forged" + i);

        (await controller.Click(TrackingFixture.PLACEMENT_ID, 4, _token)).Should().BeOfType<StatusCodeResult>()
            .Which.StatusCode.Should().Be(StatusCodes.Status429TooManyRequests);
    }

    [Test]
    public async Task AcceptedButNotCapturedStillAnswers204()
    {
        _fixture.Capture.Settings.Enabled = false;

        (await _fixture.Controller().Click(TrackingFixture.PLACEMENT_ID, 4, _token)).Should().BeOfType<NoContentResult>();
        _fixture.Capture.DrainEvents().Should().BeEmpty();
    }

    [Test]
    public void TheActionIsPostOnlyWithoutAntiforgeryAndWithASizeLimit()
    {
        var action = typeof(PersonalizationTrackingController).GetMethod(nameof(PersonalizationTrackingController.Click))!;

        action.GetCustomAttribute<HttpPostAttribute>().Should().NotBeNull();
        action.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>().Should().NotBeNull();
        action.GetCustomAttribute<RequestSizeLimitAttribute>().Should().NotBeNull();
        action.GetParameters().Should().OnlyContain(p => p.GetCustomAttribute<FromFormAttribute>() != null);
    }

    [Test]
    public void ClickIsTheOnlyAction()
    {
        typeof(PersonalizationTrackingController).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Should().OnlyContain(m => m.Name == nameof(PersonalizationTrackingController.Click));
    }

    private async Task ShouldBeRejectedAsync(int placement, int product, string token)
    {
        var result = await _fixture.Controller().Click(placement, product, token);

        result.Should().BeOfType<BadRequestResult>("a rejection carries no detail");
        _fixture.Capture.DrainEvents().Should().BeEmpty();
    }
}

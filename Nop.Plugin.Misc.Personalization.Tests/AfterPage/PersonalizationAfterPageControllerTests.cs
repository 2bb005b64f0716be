using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Services.AfterPage;
using Nop.Plugin.Misc.Personalization.Tests.Capture;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.AfterPage;

/// <summary>
/// What the after-page endpoint refuses before any recommendation work: no or too many tokens, only forged ones, and a
/// customer over the rate. (Filling valid slots: WidgetModelBuilderTests.)
/// </summary>
[TestFixture]
public class PersonalizationAfterPageControllerTests
{
    private CaptureFixture _capture;
    private AfterPageTokens _tokens;
    private AfterPageRateLimiter _rateLimiter;

    [SetUp]
    public void SetUp()
    {
        _capture = new CaptureFixture();
        _tokens = new AfterPageTokens(_capture.Settings, _capture.Time);
        _rateLimiter = new AfterPageRateLimiter(_capture.Time);
    }

    private PersonalizationAfterPageController Controller() =>
        new(_rateLimiter, _tokens, new RecordingShopLog(), null, _capture.WorkContext.Object)
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };

    [Test]
    public async Task NoTokenOrMoreThanAPageCanHaveIsABadRequest()
    {
        var valid = _tokens.Issue(new AfterPageSlot(7, 1, 0, 0, 0, []));

        (await Controller().Placements([])).Should().BeOfType<BadRequestObjectResult>();
        (await Controller().Placements(null)).Should().BeOfType<BadRequestObjectResult>();
        (await Controller().Placements(Enumerable.Repeat(valid, PersonalizationDefaults.MaxAfterPageSlots + 1).ToArray()))
            .Should().BeOfType<BadRequestObjectResult>();
    }

    [Test]
    public async Task OnlyForgedTokensAreABadRequestThatIsNeverCached()
    {
        var controller = Controller();

        var result = await controller.Placements(["forged", "AAAA"]);

        result.Should().BeOfType<BadRequestObjectResult>();
        controller.Response.Headers.CacheControl.ToString().Should().Be("no-store");
        controller.Response.Headers["X-Robots-Tag"].ToString().Should().Be("noindex");
    }

    [Test]
    public async Task ACustomerOverTheRateIsRefusedWith429()
    {
        for (var i = 0; i < AfterPageRateLimiter.PerMinute; i++)
            (await Controller().Placements(["forged"])).Should().BeOfType<BadRequestObjectResult>();

        var refused = await Controller().Placements(["forged"]);

        refused.Should().BeOfType<StatusCodeResult>().Which.StatusCode.Should().Be(StatusCodes.Status429TooManyRequests);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Models.Email;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Tests.Messaging;

/// <summary>
/// The public pages behind the e-mails' one-click links: the id comes only from a signed token, opening a link changes
/// nothing, confirming it does, and a forged or foreign token is refused with a message.
/// </summary>
[TestFixture]
public class PersonalizationEmailControllerTests
{
    private const int STORE = 1;
    private const int CUSTOMER = 42;
    private static readonly DateTime _now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    private InMemorySettings _settings;
    private Mock<IGenericAttributeService> _attributes;
    private Mock<INewsLetterSubscriptionService> _newsletter;
    private List<NewsLetterSubscription> _subscriptions;
    private EmailLinkRateLimiter _limiter;
    private string _key;

    [SetUp]
    public void SetUp()
    {
        _settings = new InMemorySettings().Handle<PersonalizationSettings>();
        var settings = PersonalizationSettings.Defaults();
        _key = settings.TrackingKey;
        _settings.Save(settings);
        _attributes = new Mock<IGenericAttributeService>();
        _subscriptions =
        [
            new() { Id = 1, Email = "shopper@shop.test", StoreId = STORE, Active = true, TypeId = 1, NewsLetterSubscriptionGuid = Guid.NewGuid() },
            //imported: a GUID of its own
            new() { Id = 2, Email = "shopper@shop.test", StoreId = STORE, Active = true, TypeId = 2, NewsLetterSubscriptionGuid = Guid.NewGuid() }
        ];
        _newsletter = new Mock<INewsLetterSubscriptionService>();
        _newsletter.Setup(n => n.GetNewsLetterSubscriptionsByEmailAsync("shopper@shop.test", STORE, 0, true))
            .ReturnsAsync(() => _subscriptions.Where(s => s.Active).ToList());
        _limiter = new EmailLinkRateLimiter(new FakeTimeProvider(_now));
    }

    private PersonalizationEmailController Controller(int visitorId = 500, int storeId = STORE)
    {
        var customers = new Mock<ICustomerService>();
        customers.Setup(c => c.GetCustomerByIdAsync(CUSTOMER)).ReturnsAsync(new Customer { Id = CUSTOMER, Email = "shopper@shop.test ", Active = true });
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = storeId });
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(new Customer { Id = visitorId });
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);

        var optOut = new ReminderOptOut(customers.Object, _attributes.Object, _newsletter.Object, new FakeTimeProvider(_now));
        return new PersonalizationEmailController(localization.Object, optOut, _limiter, _settings.Service, storeContext.Object, workContext.Object)
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };
    }

    private string Token(EmailLinkPurpose purpose, int customerId = CUSTOMER, int storeId = STORE) =>
        new Uri(EmailLinks.Url("https://shop.test", _key, purpose, customerId, storeId)).Query["?token=".Length..];

    private static EmailLinkModel Page(IActionResult result)
    {
        var view = result.Should().BeOfType<ViewResult>().Subject;
        view.ViewName.Should().Be(PersonalizationEmailController.VIEW);
        return view.Model.Should().BeOfType<EmailLinkModel>().Subject;
    }

    private void NothingChanged()
    {
        _attributes.Verify(a => a.SaveAttributeAsync(It.IsAny<Nop.Core.BaseEntity>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<int>()), Times.Never);
        _newsletter.Verify(n => n.UpdateNewsLetterSubscriptionAsync(It.IsAny<NewsLetterSubscription>(), It.IsAny<bool>()), Times.Never);
    }

    [Test]
    public async Task OpeningTheStopLinkOnlyAsksWithAButtonCarryingTheToken()
    {
        var token = Token(EmailLinkPurpose.StopReminders);
        using var controller = Controller();

        var page = Page(await controller.StopReminders(token));

        (page.State, page.Token, page.Action).Should().Be((EmailLinkState.Confirm, token, "StopReminders"));
        page.Message.Should().Be("Plugins.Misc.Personalization.EmailLink.StopReminders.Ask");
        NothingChanged();
    }

    [Test]
    public async Task ConfirmingTheStopLinkStoresTheChoiceForTheSignedCustomerAndStore()
    {
        using var controller = Controller();

        var page = Page(await controller.StopRemindersConfirmed(Token(EmailLinkPurpose.StopReminders)));

        page.State.Should().Be(EmailLinkState.Done);
        _attributes.Verify(a => a.SaveAttributeAsync(It.Is<Customer>(c => c.Id == CUSTOMER), PersonalizationDefaults.RemindersStoppedAttribute, (DateTime?)_now, STORE), Times.Once);
    }

    [Test]
    public async Task ConfirmingTheUnsubscribeLinkEndsEverySubscriptionOfTheAddressInTheStore()
    {
        using var controller = Controller();

        var page = Page(await controller.UnsubscribeConfirmed(Token(EmailLinkPurpose.NewsletterUnsubscribe)));

        page.State.Should().Be(EmailLinkState.Done);
        _subscriptions.Should().OnlyContain(subscription => !subscription.Active, "the imported row with its own GUID ends too");
        _newsletter.Verify(n => n.UpdateNewsLetterSubscriptionAsync(It.IsAny<NewsLetterSubscription>(), true), Times.Exactly(2));
    }

    [Test]
    public async Task AForgedTokenGetsAClearMessageAndChangesNothing()
    {
        var token = Token(EmailLinkPurpose.StopReminders);
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        using var controller = Controller();

        var page = Page(await controller.StopRemindersConfirmed(forged));

        page.State.Should().Be(EmailLinkState.Invalid);
        page.Message.Should().Be("Plugins.Misc.Personalization.EmailLink.Invalid");
        controller.Response.StatusCode.Should().Be(StatusCodes.Status400BadRequest);
        NothingChanged();
    }

    [Test]
    public async Task AStopLinkIsNoUnsubscribeLinkAndAnotherStoresLinkDoesNothingHere()
    {
        using var controller = Controller();

        Page(await controller.UnsubscribeConfirmed(Token(EmailLinkPurpose.StopReminders))).State.Should().Be(EmailLinkState.Invalid);
        Page(await controller.StopRemindersConfirmed(Token(EmailLinkPurpose.StopReminders, storeId: 2))).State.Should().Be(EmailLinkState.Invalid);
        NothingChanged();
    }

    [Test]
    public async Task AVisitorTryingTokensIsSlowedDownLikeTheClickEndpoint()
    {
        using var controller = Controller(visitorId: 7);
        for (var i = 0; i < EmailLinks.RequestsPerMinute; i++)
            Page(await controller.StopReminders("guess" + i)).State.Should().Be(EmailLinkState.Invalid);

        var result = await controller.StopRemindersConfirmed(Token(EmailLinkPurpose.StopReminders));

        result.Should().BeOfType<StatusCodeResult>().Which.StatusCode.Should().Be(StatusCodes.Status429TooManyRequests);
        NothingChanged();
    }
}

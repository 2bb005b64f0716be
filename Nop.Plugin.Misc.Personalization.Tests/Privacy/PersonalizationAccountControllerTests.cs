using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Tests.Privacy;

/// <summary>
/// The shopper's controls act on the request's own registered customer only, and erase nothing unconfirmed.
/// </summary>
[TestFixture]
public class PersonalizationAccountControllerTests
{
    private readonly Customer _customer = new() { Id = 42, CustomerGuid = Guid.NewGuid() };
    private Mock<IPersonalizationConsent> _consent;
    private Mock<ICustomerService> _customers;
    private Mock<IRepository<PersonalizationErasure>> _erasures;

    [SetUp]
    public void SetUp()
    {
        _consent = new Mock<IPersonalizationConsent>();
        _customers = new Mock<ICustomerService>();
        _customers.Setup(c => c.IsRegisteredAsync(_customer, true)).ReturnsAsync(true);
        _erasures = new Mock<IRepository<PersonalizationErasure>>(MockBehavior.Strict);
    }

    private PersonalizationAccountController Controller()
    {
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(_customer);
        //every repository strict: an erase that should not happen fails the test instead of passing silently
        var eraser = new CustomerDataEraser(Forgetting.Over(_erasures.Object), new Mock<IGenericAttributeService>(MockBehavior.Strict).Object,
            new ErasureOptions(),
            new RoleMappingLedger(new Mock<IRepository<PersonalizationRoleMapping>>(MockBehavior.Strict).Object, null),
            new CustomerKeyedTables(Strict<PersonalizationEvent>(), Strict<PersonalizationProfile>(), Strict<PersonalizationPrediction>(),
                Strict<PersonalizationRoleMapping>(), new Mock<IRepository<Customer>>(MockBehavior.Strict).Object, Strict<PersonalizationCartReminder>(),
                Strict<PersonalizationEmailSend>()));
        var export = new CustomerDataExport(Strict<PersonalizationEvent>(), Mock.Of<IGenericAttributeService>(), Mock.Of<ILocalizationService>(),
            Strict<PersonalizationPrediction>(), Strict<PersonalizationProfile>(), Strict<PersonalizationSegment>(), null, TimeProvider.System,
            Strict<PersonalizationEmailSend>());

        var controller = new PersonalizationAccountController(_consent.Object, _customers.Object, eraser, export, new RecordingShopLog(),
            null, PersonalizationSettings.Defaults(), Mock.Of<IStoreContext>(), workContext.Object);
        var http = new DefaultHttpContext();
        controller.ControllerContext = new ControllerContext { HttpContext = http };
        controller.TempData = new TempDataDictionary(http, Mock.Of<ITempDataProvider>());
        return controller;
    }

    private static IRepository<T> Strict<T>() where T : BaseEntity => new Mock<IRepository<T>>(MockBehavior.Strict).Object;

    [Test]
    public async Task SwitchingOffOptsTheRequestsOwnCustomerOutAndSaysSo()
    {
        var controller = Controller();

        var result = await controller.Switch(on: false);

        _consent.Verify(c => c.SetOptedOutAsync(_customer, true), Times.Once);
        result.Should().BeOfType<RedirectToRouteResult>().Which.RouteName.Should().Be(PersonalizationDefaults.AccountRouteName);
        controller.TempData[PersonalizationAccountController.RESULT_KEY].Should().Be(AccountResult.SWITCHED_OFF);
    }

    [Test]
    public async Task SwitchingOnAgainClearsTheOptOut()
    {
        var controller = Controller();

        await controller.Switch(on: true);

        _consent.Verify(c => c.SetOptedOutAsync(_customer, false), Times.Once);
        controller.TempData[PersonalizationAccountController.RESULT_KEY].Should().Be(AccountResult.SWITCHED_ON);
    }

    [Test]
    public async Task AnUnconfirmedEraseErasesNothing()
    {
        var controller = Controller();

        await controller.Erase(confirm: false);

        controller.TempData[PersonalizationAccountController.RESULT_KEY].Should().Be(AccountResult.ERASE_NOT_CONFIRMED);
        _erasures.VerifyNoOtherCalls();
    }

    [Test]
    public async Task AGuestIsSentToLogInAndNothingChanges()
    {
        _customers.Setup(c => c.IsRegisteredAsync(_customer, true)).ReturnsAsync(false);
        var controller = Controller();

        (await controller.Index()).Should().BeOfType<ChallengeResult>();
        (await controller.Switch(on: false)).Should().BeOfType<ChallengeResult>();
        (await controller.Erase(confirm: true)).Should().BeOfType<ChallengeResult>();
        (await controller.Download()).Should().BeOfType<ChallengeResult>();
        _consent.VerifyNoOtherCalls();
    }

    [Test]
    public void EveryResultHasAnEnglishText()
    {
        var english = Localization.LocaleResources.LoadEnglish();

        AccountResult.All.Should().OnlyContain(key => english.ContainsKey(key));
    }
}

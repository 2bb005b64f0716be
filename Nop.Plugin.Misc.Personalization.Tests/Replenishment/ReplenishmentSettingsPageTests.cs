using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Models;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Services.Messages;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Replenishment;

[TestFixture]
public class ReplenishmentSettingsPageTests
{
    private AdminServices _services;

    private Mock<Nop.Services.Gdpr.IGdprService> Gdpr { get; set; }

    private Mock<INewsLetterSubscriptionTypeService> NewsletterTypes { get; set; }

    [SetUp]
    public void SetUp()
    {
        _services = new AdminServices();
        Gdpr = new Mock<Nop.Services.Gdpr.IGdprService>();
        Gdpr.Setup(g => g.GetAllConsentsAsync()).ReturnsAsync(new List<Nop.Core.Domain.Gdpr.GdprConsent> { new() { Id = 3, Message = "Marketing e-mails" } });
        NewsletterTypes = new Mock<INewsLetterSubscriptionTypeService>();
        NewsletterTypes.Setup(n => n.GetAllNewsLetterSubscriptionTypesAsync(It.IsAny<int>()))
            .ReturnsAsync(new List<Nop.Core.Domain.Messages.NewsLetterSubscriptionType> { new() { Id = 1, Name = "Newsletter" }, new() { Id = 2, Name = "Offers" } });
    }

    private PersonalizationAdminController Controller()
    {
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(0);
        var segments = new SegmentService(new InMemoryRepository<PersonalizationPlacement>().Object, _services.Segments.Object);
        return new PersonalizationAdminController(Gdpr.Object, _services.ConsentFactory(), _services.ConsentSwitch(), _services.Localization.Object, new RecordingShopLog(), NewsletterTypes.Object, Mock.Of<INotificationService>(),
            _services.PerformanceFactory(),
            PlacementFormFactories.Create(_services.Localization, _services.Placements, new SegmentChoices(segments)),
            new SegmentModelFactory(_services.Localization.Object, segments, _services.Settings.Service,
                new ShopNames(new InMemoryRepository<Category>().Object, new InMemoryRepository<Manufacturer>().Object, new InMemoryRepository<Product>().Object, new InMemoryRepository<Store>().Object),
                new SyncableRoles(_services.CustomerService.Object, _services.PermissionMappings.Object)),
            _services.Settings.Service, _services.StatusFactory(), _services.HealthFactory(), storeContext.Object, _services.SearchDelegation());
    }

    [Test]
    public async Task SettingsSavedBeforeRemindersExistedShowTheDefaultsTheTaskUses()
    {
        var old = PersonalizationSettings.Defaults();
        old.ReplenishmentEmailMinDaysBetween = 0;
        old.ReplenishmentEmailMaxProducts = 0;
        _services.Settings.Save(old);

        using var controller = Controller();
        var model = (ConfigurationModel)((ViewResult)await controller.Configure()).Model;

        (model.ReplenishmentEmailsEnabled, model.ReplenishmentEmailMinDaysBetween, model.ReplenishmentEmailMaxProducts).Should().Be((false, 14, 4));
        ConfigurationModelValidator.Validate(model).Should().BeEmpty("the owner can save the page without touching the new fields");
    }

    [Test]
    public async Task SavingThePageStoresTheReminderSettings()
    {
        _services.Settings.Save(PersonalizationSettings.Defaults());
        PersonalizationSettings saved = null;
        var savedKeys = new List<string>();
        _services.Settings.Mock.Setup(s => s.SaveSettingOverridablePerStoreAsync(It.IsAny<PersonalizationSettings>(),
                It.IsAny<Expression<Func<PersonalizationSettings, It.IsAnyType>>>(), It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Callback(new InvocationAction(invocation =>
            {
                saved = (PersonalizationSettings)invocation.Arguments[0];
                savedKeys.Add(((MemberExpression)((LambdaExpression)invocation.Arguments[1]).Body).Member.Name);
            }))
            .Returns(Task.CompletedTask);
        using var controller = Controller();
        var model = (ConfigurationModel)((ViewResult)await controller.Configure()).Model;
        model.ReplenishmentEmailsEnabled = true;
        model.ReplenishmentEmailMinDaysBetween = 30;
        model.ReplenishmentEmailMaxProducts = 2;

        await controller.Configure(model);

        (saved.ReplenishmentEmailsEnabled, saved.ReplenishmentEmailMinDaysBetween, saved.ReplenishmentEmailMaxProducts).Should().Be((true, 30, 2));
        savedKeys.Should().Contain([nameof(PersonalizationSettings.ReplenishmentEmailsEnabled), nameof(PersonalizationSettings.ReplenishmentEmailMinDaysBetween),
            nameof(PersonalizationSettings.ReplenishmentEmailMaxProducts)]);
    }

    [Test]
    public async Task ThePageOffersTheShopsSubscriptionTypesAndGdprConsentsAndKeepsAnyTypeForExistingInstalls()
    {
        _services.Settings.Save(PersonalizationSettings.Defaults());

        using var controller = Controller();
        var model = (ConfigurationModel)((ViewResult)await controller.Configure()).Model;

        (model.ReplenishmentEmailConsent, model.ReplenishmentEmailNewsletterTypeId).Should().Be(((int)EmailConsent.NewsletterSubscription, 0));
        model.AvailableEmailConsents.Select(item => item.Value).Should().Equal("0", "10");
        model.AvailableNewsletterTypes.Select(item => (item.Value, item.Text)).Should().Equal(
            ("0", "Plugins.Misc.Personalization.EmailConsent.AnyNewsletterType"), ("1", "Newsletter"), ("2", "Offers"));
        model.AvailableEmailGdprConsents.Select(item => (item.Value, item.Text)).Should().Equal(
            ("0", "Plugins.Misc.Personalization.EmailConsent.ChooseGdprConsent"), ("3", "Marketing e-mails"));
    }

    [Test]
    public async Task AGdprConsentModeWithoutAConsentOrAnUnknownTypeIsRefusedWithMessages()
    {
        _services.Settings.Save(PersonalizationSettings.Defaults());
        using var controller = Controller();
        var model = (ConfigurationModel)((ViewResult)await controller.Configure()).Model;
        model.ReplenishmentEmailConsent = (int)EmailConsent.GdprConsent;
        model.ReplenishmentEmailGdprConsentId = 0;
        model.ReplenishmentEmailNewsletterTypeId = 9;

        await controller.Configure(model);

        controller.ModelState[nameof(ConfigurationModel.ReplenishmentEmailGdprConsentId)]!.Errors.Single().ErrorMessage
            .Should().Be("Plugins.Misc.Personalization.Validation.ReplenishmentEmailGdprConsentId");
        controller.ModelState[nameof(ConfigurationModel.ReplenishmentEmailNewsletterTypeId)]!.Errors.Single().ErrorMessage
            .Should().Be("Plugins.Misc.Personalization.Validation.ReplenishmentEmailNewsletterTypeId");
        _services.Settings.Load<PersonalizationSettings>().ReplenishmentEmailConsent.Should().Be(EmailConsent.NewsletterSubscription, "nothing was saved");
    }

    [Test]
    public void TheConsentValidatorAcceptsAnyTypeAShopTypeOrAShopConsent()
    {
        var model = new ConfigurationModel { ReplenishmentEmailConsent = (int)EmailConsent.NewsletterSubscription, ReplenishmentEmailNewsletterTypeId = 0 };
        EmailConsentValidator.Validate(model, [1, 2], [3]).Should().BeEmpty();
        model.ReplenishmentEmailNewsletterTypeId = 2;
        EmailConsentValidator.Validate(model, [1, 2], [3]).Should().BeEmpty();
        model.ReplenishmentEmailConsent = (int)EmailConsent.GdprConsent;
        model.ReplenishmentEmailGdprConsentId = 3;
        EmailConsentValidator.Validate(model, [1, 2], [3]).Should().BeEmpty();
        model.ReplenishmentEmailConsent = 7;
        EmailConsentValidator.Validate(model, [1, 2], [3]).Should().ContainSingle()
            .Which.ResourceKey.Should().Be("Plugins.Misc.Personalization.Validation.ReplenishmentEmailConsent");
    }
}

using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Models;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

/// <summary>
/// A stricter consent mode on the configuration page: a count to confirm first, then the identified data goes.
/// </summary>
[TestFixture]
public class ConsentSettingsPageTests
{
    private AdminServices _services;
    private List<string> _savedKeys;

    [SetUp]
    public void SetUp()
    {
        _services = new AdminServices();
        _services.Settings.Save(PersonalizationSettings.Defaults());
        _services.ConsentStores.Add(new Store { Name = "Shop" });
        _services.Events.Add(new PersonalizationEvent { StoreId = 1, CustomerId = 5, ProductId = 1, EventType = 1, OrderId = 9 });
        _services.Events.Add(new PersonalizationEvent { StoreId = 1, CustomerId = 6, ProductId = 2, EventType = 1 });
        _services.Events.Add(new PersonalizationEvent { StoreId = 1, CustomerId = 0, ProductId = 3, EventType = 1 });
        _services.Profiles.Add(new PersonalizationProfile { StoreId = 1, CustomerId = 5 });
        _savedKeys = [];
        _services.Settings.Mock.Setup(s => s.SaveSettingOverridablePerStoreAsync(It.IsAny<PersonalizationSettings>(),
                It.IsAny<Expression<Func<PersonalizationSettings, It.IsAnyType>>>(), It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Callback(new InvocationAction(invocation => _savedKeys.Add(((MemberExpression)((LambdaExpression)invocation.Arguments[1]).Body).Member.Name)))
            .Returns(Task.CompletedTask);
    }

    [Test]
    public async Task AStricterModeFirstShowsWhatItWouldRemoveAndChangesNothing()
    {
        using var controller = Controller();
        var model = await PageAsync(controller);
        model.Consent = (int)TrackingConsent.Nobody;

        var result = (ViewResult)await controller.Configure(model);

        ((ConfigurationModel)result.Model).PendingConsentChange.Should().Be(new ConsentChangeModel(2, 1, 0));
        _savedKeys.Should().BeEmpty("nothing is saved before the owner confirms");
        _services.Events.Rows.Count(e => e.CustomerId > 0).Should().Be(2);
        _services.Profiles.Rows.Should().ContainSingle();
    }

    [Test]
    public async Task ConfirmingSavesTheModeAndAnonymisesTheData()
    {
        using var controller = Controller();
        var model = await PageAsync(controller);
        model.Consent = (int)TrackingConsent.Nobody;
        model.ConfirmConsentChange = true;

        await controller.Configure(model);

        _savedKeys.Should().Contain(nameof(PersonalizationSettings.Consent));
        _services.Events.Rows.Should().OnlyContain(e => e.CustomerId == 0 && e.OrderId == 0);
        _services.Events.Rows.Select(e => e.ProductId).Should().Equal(1, 2, 3);
        _services.Profiles.Rows.Should().BeEmpty();
    }

    [Test]
    public async Task ALooserModeSavesWithoutAsking()
    {
        var strict = PersonalizationSettings.Defaults();
        strict.Consent = TrackingConsent.Nobody;
        _services.Settings.Save(strict);
        using var controller = Controller();
        var model = await PageAsync(controller);
        model.Consent = (int)TrackingConsent.Everyone;

        await controller.Configure(model);

        _savedKeys.Should().Contain(nameof(PersonalizationSettings.Consent));
        _services.Events.Rows.Count(e => e.CustomerId > 0).Should().Be(2, "identifying more removes nothing");
    }

    [Test]
    public async Task TheCookieBannerModeWarnsWhenTheShopShowsNoBanner()
    {
        var banner = PersonalizationSettings.Defaults(gdprEnabled: true);
        _services.Settings.Save(banner);
        using var controller = Controller();

        var model = await PageAsync(controller);

        model.CookieBannerHidden.Should().BeTrue("a fresh shop's store-information settings show no banner here");
        model.ConsentModeHints.Should().HaveCount(Enum.GetValues<TrackingConsent>().Length, "each mode is explained in one line");
    }

    private static async Task<ConfigurationModel> PageAsync(PersonalizationAdminController controller) =>
        (ConfigurationModel)((ViewResult)await controller.Configure()).Model;

    private PersonalizationAdminController Controller()
    {
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(0);
        var segments = new SegmentService(new InMemoryRepository<PersonalizationPlacement>().Object, _services.Segments.Object);
        var newsletterTypes = new Mock<Nop.Services.Messages.INewsLetterSubscriptionTypeService>();
        newsletterTypes.Setup(n => n.GetAllNewsLetterSubscriptionTypesAsync(It.IsAny<int>())).ReturnsAsync(new List<Nop.Core.Domain.Messages.NewsLetterSubscriptionType>());
        return new PersonalizationAdminController(_services.Gdpr.Object, _services.ConsentFactory(), _services.ConsentSwitch(), _services.Localization.Object, new RecordingShopLog(),
            newsletterTypes.Object, Mock.Of<INotificationService>(),
            _services.PerformanceFactory(),
            PlacementFormFactories.Create(_services.Localization, _services.Placements, new SegmentChoices(segments)),
            new SegmentModelFactory(_services.Localization.Object, segments, _services.Settings.Service,
                new ShopNames(new InMemoryRepository<Category>().Object, new InMemoryRepository<Manufacturer>().Object, new InMemoryRepository<Product>().Object, new InMemoryRepository<Store>().Object),
                new SyncableRoles(_services.CustomerService.Object, _services.PermissionMappings.Object)),
            _services.Settings.Service, _services.StatusFactory(), _services.HealthFactory(), storeContext.Object, _services.SearchDelegation());
    }
}

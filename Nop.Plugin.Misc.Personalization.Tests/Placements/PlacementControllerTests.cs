using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Nop.Core;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Filters;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Placements;

[TestFixture]
public class PlacementControllerTests
{
    private Mock<ILocalizationService> _localization;
    private Mock<INotificationService> _notifications;
    private Mock<IPlacementCatalogRefresh> _refresh;
    private Mock<IPlacementService> _placements;
    private Mock<IStoreContext> _storeContext;
    private Mock<PlacementTitles> _titles;
    private InMemoryRepository<PersonalizationSegment> _segments;
    private PersonalizationPlacementController _controller;

    [SetUp]
    public void SetUp()
    {
        _localization = new Mock<ILocalizationService>();
        _localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        _notifications = new Mock<INotificationService>();
        _refresh = new Mock<IPlacementCatalogRefresh>();
        _placements = new Mock<IPlacementService>();
        _storeContext = new Mock<IStoreContext>();
        _storeContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(2);
        _titles = PlacementFormFactories.NoTitles();
        _segments = new InMemoryRepository<PersonalizationSegment>();
        _segments.Rows.AddRange(
        [
            new PersonalizationSegment { Id = 4, Name = "Lapsed", Enabled = true, DisplayOrder = 2 },
            new PersonalizationSegment { Id = 6, Name = "VIP", Enabled = false, DisplayOrder = 1 },
            new PersonalizationSegment { Id = 2, Name = "New customers", Enabled = true, DisplayOrder = 1 }
        ]);

        _controller = new PersonalizationPlacementController(_localization.Object, _notifications.Object, _refresh.Object,
            PlacementFormFactories.Create(_localization, _placements, new SegmentChoices(new SegmentService(Mock.Of<IRepository<PersonalizationPlacement>>(), _segments.Object)), _titles, 1, 2),
            _placements.Object, _titles.Object, _storeContext.Object);
    }

    [TearDown]
    public void TearDown() => _controller.Dispose();

    [Test]
    public async Task InvalidInputReturnsTheFormWithErrorsAndSavesNothing()
    {
        var model = new PlacementModel { WidgetZone = "home_page_top", Strategy = nameof(PlacementStrategy.Similar), Count = 0 };

        var result = await _controller.Create(model);

        var view = result.Should().BeOfType<ViewResult>().Subject;
        view.ViewName.Should().Be(PersonalizationPlacementController.EDIT_VIEW);
        view.Model.Should().BeSameAs(model);
        model.AvailableStrategies.Should().HaveCount(Enum.GetValues<PlacementStrategy>().Length, "the form is shown again with its lists");
        _controller.ModelState.IsValid.Should().BeFalse();
        _controller.ModelState[nameof(PlacementModel.WidgetZone)]!.Errors.Should().ContainSingle()
            .Which.ErrorMessage.Should().Be("Plugins.Misc.Personalization.Placements.Validation.ZoneMismatch", "the message is the localized resource");
        _controller.ModelState[nameof(PlacementModel.Count)]!.Errors.Should().ContainSingle();
        _placements.Verify(s => s.InsertPlacementAsync(It.IsAny<PersonalizationPlacement>()), Times.Never);
        _refresh.Verify(r => r.RequestReload(), Times.Never);
    }

    [Test]
    public async Task ValidationMessagesAreFormattedWithLocalizedArguments()
    {
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Validation.Range")).ReturnsAsync("{0} must be between {1} and {2}.");
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Placements.Fields.Count")).ReturnsAsync("Number of products");

        await _controller.Create(new PlacementModel { WidgetZone = "home_page_top", Strategy = nameof(PlacementStrategy.ForYou), Count = 30 });

        _controller.ModelState[nameof(PlacementModel.Count)]!.Errors.Single().ErrorMessage.Should().Be("Number of products must be between 1 and 24.");
    }

    [Test]
    public async Task AValidNewPlacementIsSavedInTheActiveStoreAndTheCatalogReloads()
    {
        PersonalizationPlacement saved = null;
        _placements.Setup(s => s.InsertPlacementAsync(It.IsAny<PersonalizationPlacement>()))
            .Callback((PersonalizationPlacement p) => saved = p).Returns(Task.CompletedTask);

        var result = await _controller.Create(new PlacementModel
        {
            Id = 99,
            WidgetZone = "productdetails_bottom",
            Strategy = nameof(PlacementStrategy.BoughtTogether),
            Title = "  Bought together ",
            Count = 6,
            SegmentId = 4,
            Enabled = true,
            DisplayOrder = 3
        });

        result.Should().BeOfType<RedirectToRouteResult>().Which.RouteName.Should().Be(PersonalizationDefaults.ConfigurationRouteName);
        saved.Should().BeEquivalentTo(new PersonalizationPlacement
        {
            Id = 0,
            StoreId = 2,
            WidgetZone = "productdetails_bottom",
            Strategy = "BoughtTogether",
            Title = "Bought together",
            Count = 6,
            SegmentId = 4,
            Enabled = true,
            DisplayOrder = 3
        });
        _refresh.Verify(r => r.RequestReload(), Times.Once);
        _notifications.Verify(n => n.SuccessNotification("Plugins.Misc.Personalization.Placements.Added", true, 0), Times.Once);
        _notifications.Verify(n => n.WarningNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task TranslatedTitlesAreSavedWithTheNewPlacementPerLanguage()
    {
        PersonalizationPlacement saved = null;
        _placements.Setup(s => s.InsertPlacementAsync(It.IsAny<PersonalizationPlacement>()))
            .Callback((PersonalizationPlacement p) => { p.Id = 41; saved = p; }).Returns(Task.CompletedTask);
        IEnumerable<(int LanguageId, string Title)> titles = null;
        _titles.Setup(t => t.SaveAsync(It.IsAny<PersonalizationPlacement>(), It.IsAny<IEnumerable<(int, string)>>()))
            .Callback((PersonalizationPlacement _, IEnumerable<(int, string)> given) => titles = given.ToList()).Returns(Task.CompletedTask);

        await _controller.Create(new PlacementModel
        {
            WidgetZone = "home_page_top",
            Strategy = nameof(PlacementStrategy.ForYou),
            Title = "For you",
            Count = 4,
            Locales = [new PlacementLocalizedModel { LanguageId = 2, Title = "Für Sie" }, new PlacementLocalizedModel { LanguageId = 3, Title = "" }]
        });

        _titles.Verify(t => t.SaveAsync(It.Is<PersonalizationPlacement>(p => p == saved && p.Id == 41), It.IsAny<IEnumerable<(int, string)>>()), Times.Once);
        titles.Should().Equal((2, "Für Sie"), (3, ""));
    }

    [Test]
    public async Task ATranslatedTitleOverTheLengthLimitIsRefusedNextToItsTab()
    {
        var model = new PlacementModel
        {
            WidgetZone = "home_page_top",
            Strategy = nameof(PlacementStrategy.ForYou),
            Count = 4,
            Locales = [new PlacementLocalizedModel { LanguageId = 2, Title = new string('x', PlacementModelValidator.MAX_TITLE_LENGTH + 1) }]
        };

        var result = await _controller.Create(model);

        result.Should().BeOfType<ViewResult>();
        _controller.ModelState["Locales[0].Title"]!.Errors.Should().ContainSingle()
            .Which.ErrorMessage.Should().Be("Plugins.Misc.Personalization.Placements.Validation.TitleLength");
        _titles.Verify(t => t.SaveAsync(It.IsAny<PersonalizationPlacement>(), It.IsAny<IEnumerable<(int, string)>>()), Times.Never);
    }

    [Test]
    public async Task TheEditFormShowsTheSavedTranslationsOneTabPerLanguage()
    {
        _placements.Setup(s => s.GetPlacementByIdAsync(5)).ReturnsAsync(new PersonalizationPlacement
        {
            Id = 5, StoreId = 0, WidgetZone = "home_page_top", Strategy = "ForYou", Title = "For you", Count = 4, Enabled = true
        });
        _titles.Setup(t => t.GetAsync(5)).ReturnsAsync(new Dictionary<int, string> { [2] = "Pour vous" });

        var result = await _controller.Edit(5);

        var model = result.Should().BeOfType<ViewResult>().Which.Model.Should().BeOfType<PlacementModel>().Subject;
        model.Locales.Select(locale => (locale.LanguageId, locale.Title)).Should().Equal((1, null), (2, "Pour vous"));
    }

    [Test]
    public async Task DeletingAPlacementDeletesItsTranslations()
    {
        _placements.Setup(s => s.GetPlacementByIdAsync(5)).ReturnsAsync(new PersonalizationPlacement { Id = 5, WidgetZone = "home_page_top", Strategy = "ForYou" });

        await _controller.Delete(5);

        _titles.Verify(t => t.DeleteAsync(5), Times.Once);
    }

    [Test]
    public async Task ACustomZoneWithAContextualStrategyIsSavedWithAWarning()
    {
        var result = await _controller.Create(new PlacementModel
        {
            WidgetZone = "",
            CustomWidgetZone = "mytheme_product_tabs",
            Strategy = nameof(PlacementStrategy.Similar),
            Count = 4
        });

        result.Should().BeOfType<RedirectToRouteResult>();
        _placements.Verify(s => s.InsertPlacementAsync(It.Is<PersonalizationPlacement>(p => p.WidgetZone == "mytheme_product_tabs")), Times.Once);
        _notifications.Verify(n => n.WarningNotification("Plugins.Misc.Personalization.Placements.CustomZoneWarning", true, 0), Times.Once);
    }

    [Test]
    public async Task EditingKeepsTheStoreAndSavesTheChanges()
    {
        var existing = new PersonalizationPlacement
        {
            Id = 5, StoreId = 0, WidgetZone = "home_page_top", Strategy = "ForYou", Title = "For you", Count = 8, Enabled = true
        };
        _placements.Setup(s => s.GetPlacementByIdAsync(5)).ReturnsAsync(existing);

        var result = await _controller.Edit(new PlacementModel
        {
            Id = 5, WidgetZone = "home_page_bottom", Strategy = "Trending", Title = "Trending", Count = 12, Enabled = false
        });

        result.Should().BeOfType<RedirectToRouteResult>();
        _placements.Verify(s => s.UpdatePlacementAsync(existing), Times.Once);
        existing.Should().BeEquivalentTo(new { Id = 5, StoreId = 0, WidgetZone = "home_page_bottom", Strategy = "Trending", Count = 12, Enabled = false });
        _refresh.Verify(r => r.RequestReload(), Times.Once);
    }

    [Test]
    public async Task AnInvalidEditChangesNothing()
    {
        var existing = new PersonalizationPlacement { Id = 5, WidgetZone = "home_page_top", Strategy = "ForYou", Count = 8 };
        _placements.Setup(s => s.GetPlacementByIdAsync(5)).ReturnsAsync(existing);

        var result = await _controller.Edit(new PlacementModel { Id = 5, WidgetZone = "home_page_top", Strategy = "ForYou", Count = 8, Title = new string('x', 201) });

        result.Should().BeOfType<ViewResult>();
        existing.Title.Should().BeNull();
        _placements.Verify(s => s.UpdatePlacementAsync(It.IsAny<PersonalizationPlacement>()), Times.Never);
        _refresh.Verify(r => r.RequestReload(), Times.Never);
    }

    [Test]
    public async Task TheEditFormShowsACustomZoneInTheCustomField()
    {
        _placements.Setup(s => s.GetPlacementByIdAsync(7)).ReturnsAsync(new PersonalizationPlacement
        {
            Id = 7, WidgetZone = "mytheme_sidebar", Strategy = "Trending", Count = 4, Enabled = true
        });

        var result = await _controller.Edit(7);

        var model = result.Should().BeOfType<ViewResult>().Which.Model.Should().BeOfType<PlacementModel>().Subject;
        model.CustomWidgetZone.Should().Be("mytheme_sidebar");
        model.AvailableWidgetZones.Should().ContainSingle(item => item.Selected).Which.Value.Should().BeEmpty("the custom entry is chosen");
        model.AvailableStrategies.Should().ContainSingle(item => item.Selected).Which.Value.Should().Be("Trending");
    }

    [Test]
    public async Task DeletingRemovesThePlacementAndReloads()
    {
        var existing = new PersonalizationPlacement { Id = 5 };
        _placements.Setup(s => s.GetPlacementByIdAsync(5)).ReturnsAsync(existing);

        var result = await _controller.Delete(5);

        result.Should().BeOfType<RedirectToRouteResult>().Which.RouteName.Should().Be(PersonalizationDefaults.ConfigurationRouteName);
        _placements.Verify(s => s.DeletePlacementAsync(existing), Times.Once);
        _refresh.Verify(r => r.RequestReload(), Times.Once);
    }

    [Test]
    public async Task AMissingPlacementGoesBackWithAnError()
    {
        (await _controller.Edit(42)).Should().BeOfType<RedirectToRouteResult>();
        (await _controller.Delete(42)).Should().BeOfType<RedirectToRouteResult>();
        (await _controller.Edit(new PlacementModel { Id = 42 })).Should().BeOfType<RedirectToRouteResult>();

        _notifications.Verify(n => n.ErrorNotification("Plugins.Misc.Personalization.Placements.NotFound", true, 0), Times.Exactly(3));
        _placements.Verify(s => s.DeletePlacementAsync(It.IsAny<PersonalizationPlacement>()), Times.Never);
    }

    [Test]
    public async Task TheFormOffersEveryoneThenEverySegmentByDisplayOrderWithDisabledOnesMarked()
    {
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Everyone")).ReturnsAsync("Everyone");
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Disabled")).ReturnsAsync("{0} (disabled)");
        _placements.Setup(s => s.GetPlacementByIdAsync(7)).ReturnsAsync(new PersonalizationPlacement
        {
            Id = 7, WidgetZone = "home_page_top", Strategy = "ForYou", Count = 4, SegmentId = 4, Enabled = true
        });

        var result = await _controller.Edit(7);

        var model = result.Should().BeOfType<ViewResult>().Which.Model.Should().BeOfType<PlacementModel>().Subject;
        model.AvailableSegments.Select(item => (item.Value, item.Text, item.Selected)).Should().Equal(
            ("0", "Everyone", false),
            ("2", "New customers", false),
            ("6", "VIP (disabled)", false),
            ("4", "Lapsed", true));
    }

    [Test]
    public async Task ASegmentDeletedSinceStaysChosenAndMarkedInsteadOfFallingBackToEveryone()
    {
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Missing")).ReturnsAsync("Deleted segment (ID {0})");
        _placements.Setup(s => s.GetPlacementByIdAsync(7)).ReturnsAsync(new PersonalizationPlacement
        {
            Id = 7, WidgetZone = "home_page_top", Strategy = "ForYou", Count = 4, SegmentId = 31, Enabled = true
        });

        var result = await _controller.Edit(7);

        var model = result.Should().BeOfType<ViewResult>().Which.Model.Should().BeOfType<PlacementModel>().Subject;
        model.AvailableSegments.Should().ContainSingle(item => item.Selected).Which.Should().BeEquivalentTo(new { Value = "31", Text = "Deleted segment (ID 31)" });
    }

    [Test]
    public async Task ASegmentThatDoesNotExistIsRefusedAndNothingIsSaved()
    {
        var result = await _controller.Create(new PlacementModel
        {
            WidgetZone = "home_page_top", Strategy = nameof(PlacementStrategy.ForYou), Count = 4, SegmentId = 5
        });

        result.Should().BeOfType<ViewResult>().Which.Model.Should().BeOfType<PlacementModel>()
            .Which.AvailableSegments.Should().HaveCount(5, "the form comes back with Everyone, the three segments and the unknown choice");
        _controller.ModelState[nameof(PlacementModel.SegmentId)]!.Errors.Should().ContainSingle()
            .Which.ErrorMessage.Should().Be("Plugins.Misc.Personalization.Placements.Validation.SegmentUnknown");
        _placements.Verify(s => s.InsertPlacementAsync(It.IsAny<PersonalizationPlacement>()), Times.Never);
    }

    [Test]
    public async Task ADisabledSegmentCanBeTargeted()
    {
        var result = await _controller.Create(new PlacementModel
        {
            WidgetZone = "home_page_top", Strategy = nameof(PlacementStrategy.ForYou), Count = 4, SegmentId = 6
        });

        result.Should().BeOfType<RedirectToRouteResult>();
        _placements.Verify(s => s.InsertPlacementAsync(It.Is<PersonalizationPlacement>(p => p.SegmentId == 6)), Times.Once);
    }

    [Test]
    public async Task ThePlacementsTableNamesTheSegment()
    {
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Everyone")).ReturnsAsync("Everyone");
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Disabled")).ReturnsAsync("{0} (disabled)");
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Missing")).ReturnsAsync("Deleted segment (ID {0})");
        _placements.Setup(s => s.GetPlacementsAsync(0)).ReturnsAsync(
        [
            new PersonalizationPlacement { Id = 1, WidgetZone = "home_page_top", Strategy = "ForYou", SegmentId = 0 },
            new PersonalizationPlacement { Id = 2, WidgetZone = "home_page_top", Strategy = "ForYou", SegmentId = 4 },
            new PersonalizationPlacement { Id = 3, WidgetZone = "home_page_top", Strategy = "ForYou", SegmentId = 6 },
            new PersonalizationPlacement { Id = 4, WidgetZone = "home_page_top", Strategy = "ForYou", SegmentId = 31 }
        ]);
        var factory = PlacementFormFactories.Create(_localization, _placements, new SegmentChoices(new SegmentService(Mock.Of<IRepository<PersonalizationPlacement>>(), _segments.Object)));

        var list = await factory.PrepareListModelAsync(0);

        list.Placements.Select(row => (row.Id, row.Segment)).Should().Equal(
            (1, "Everyone"), (2, "Lapsed"), (3, "VIP (disabled)"), (4, "Deleted segment (ID 31)"));
        list.NewPlacement.AvailableSegments.Should().ContainSingle(item => item.Selected).Which.Value.Should().Be("0", "a new placement is for everyone");
    }

    [Test]
    public async Task WhenTheSegmentsCannotBeReadThePlacementsStillListWithSegmentIds()
    {
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Everyone")).ReturnsAsync("Everyone");
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Unread")).ReturnsAsync("Segment ID {0}");
        _segments.Mock.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<PersonalizationSegment>, IQueryable<PersonalizationSegment>>>(),
            It.IsAny<Func<Nop.Core.Caching.ICacheKeyService, Nop.Core.Caching.CacheKey>>(), It.IsAny<bool>())).ThrowsAsync(new InvalidOperationException("segment table missing"));
        _placements.Setup(s => s.GetPlacementsAsync(0)).ReturnsAsync(
        [
            new PersonalizationPlacement { Id = 1, WidgetZone = "home_page_top", Strategy = "ForYou", SegmentId = 0 },
            new PersonalizationPlacement { Id = 2, WidgetZone = "home_page_top", Strategy = "ForYou", SegmentId = 4 }
        ]);
        var factory = PlacementFormFactories.Create(_localization, _placements, new SegmentChoices(new SegmentService(Mock.Of<IRepository<PersonalizationPlacement>>(), _segments.Object)));

        var list = await factory.PrepareListModelAsync(0);

        list.Placements.Select(row => row.Segment).Should().Equal("Everyone", "Segment ID 4");
        list.NewPlacement.AvailableSegments.Select(item => item.Text).Should().Equal("Everyone");
    }
}

using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Localization;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Segments;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.Personalization.Tests.Segments;

[TestFixture]
public class SegmentControllerTests
{
    private static readonly DateTime _nextRefresh = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

    private SegmentAdmin _admin;
    private Mock<ILocalizationService> _localization;
    private Mock<INotificationService> _notifications;
    private PersonalizationSegmentController _controller;

    [SetUp]
    public void SetUp()
    {
        _admin = new SegmentAdmin();
        _admin.Settings.Save(new PersonalizationInsightsState { NextRefreshOnUtc = _nextRefresh });
        _localization = new Mock<ILocalizationService>();
        _localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        _notifications = new Mock<INotificationService>();

        _controller = _admin.Controller(_localization.Object, _notifications.Object);
    }

    [TearDown]
    public void TearDown() => _controller.Dispose();

    [Test]
    public async Task TheAddFormIsEnabledPlacedAfterTheExistingSegmentsAndSaysWhenSizesAreCounted()
    {
        _admin.AddSegment("A", "orders > 1", displayOrder: 4);
        _admin.AddSegment("B", "orders > 2", displayOrder: 9);

        var model = View(await _controller.Create());

        (model.Id, model.Name, model.Rule, model.Enabled, model.DisplayOrder).Should().Be((0, null, null, true, 10));
        model.NextRefreshOnUtc.Should().Be(_nextRefresh);
        model.RuleErrorPosition.Should().BeNull();
    }

    [Test]
    public async Task ARuleThatDoesNotParseShowsTheParsersMessageNextToTheRuleAndSavesNothing()
    {
        _localization.Setup(l => l.GetResourceAsync(SegmentModelValidator.RULE_SYNTAX)).ReturnsAsync("Not valid at position {0}: expected {1}, found {2}.");
        var posted = new SegmentModel { Name = "Loyal", Rule = "frequency >= 4 monetary >= 4", Enabled = true };

        var model = View(await _controller.Create(posted));

        model.Should().BeSameAs(posted);
        _controller.ModelState[nameof(SegmentModel.Rule)]!.Errors.Should().ContainSingle()
            .Which.ErrorMessage.Should().Be("Not valid at position 16: expected 'and', 'or' or end of rule, found 'monetary'.");
        _controller.ModelState.ContainsKey(nameof(SegmentModel.Name)).Should().BeFalse();
        model.RuleErrorPosition.Should().Be(16, "the form marks where the parser stopped");
        model.NextRefreshOnUtc.Should().Be(_nextRefresh);
        _admin.Segments.Rows.Should().BeEmpty();
        _notifications.Invocations.Should().BeEmpty();
    }

    [Test]
    public async Task AnAttributeValueOrTagTheShopDoesNotHaveInAnyLanguageIsRefusedWithItsNames()
    {
        _admin.SpecificationAttributes.Rows.Add(new SpecificationAttribute { Id = 1, Name = "Material" });
        _admin.SpecificationOptions.Rows.Add(new SpecificationAttributeOption { Id = 5, SpecificationAttributeId = 1, Name = "Wool" });
        _admin.Tags.Rows.Add(new ProductTag { Id = 3, Name = "winter" });
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Segments.Validation.UnknownAttribute")).ReturnsAsync("No {0}: {1}.");
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Segments.Validation.UnknownTag")).ReturnsAsync("No tag {0}.");

        View(await _controller.Create(new SegmentModel
        {
            Name = "Wool lovers", Rule = "affinity.attribute(\"Material\", \"Wol\") >= 0.3 or affinity.tag(\"summer\") >= 0.3 or affinity.tag(\"WINTER\") >= 0.3"
        }));

        _controller.ModelState[nameof(SegmentModel.Rule)]!.Errors.Select(error => error.ErrorMessage).Should().Equal("No Material: Wol.", "No tag summer.");
        _admin.Segments.Rows.Should().BeEmpty();
    }

    [Test]
    public async Task AnAttributeValueNamedInAnotherOfTheShopsLanguagesIsAccepted()
    {
        _admin.SpecificationAttributes.Rows.Add(new SpecificationAttribute { Id = 1, Name = "Material" });
        _admin.SpecificationOptions.Rows.Add(new SpecificationAttributeOption { Id = 5, SpecificationAttributeId = 1, Name = "Wool" });
        _admin.LocalizedNames.Rows.AddRange([
            new LocalizedProperty { Id = 1, LanguageId = 2, LocaleKeyGroup = nameof(SpecificationAttribute), EntityId = 1, LocaleKey = "Name", LocaleValue = "Material" },
            new LocalizedProperty { Id = 2, LanguageId = 2, LocaleKeyGroup = nameof(SpecificationAttributeOption), EntityId = 5, LocaleKey = "Name", LocaleValue = "Wolle" }]);

        BackToConfiguration(await _controller.Create(new SegmentModel { Name = "Wolle", Rule = "affinity.attribute(\"material\", \"wolle\") >= 0.3" }));

        _admin.Segments.Rows.Should().ContainSingle().Which.RuleDefinition.Should().Be("affinity.attribute(\"material\", \"wolle\") >= 0.3");
    }

    [Test]
    public async Task ANameAnotherSegmentHasIsRefusedIgnoringCase()
    {
        _admin.AddSegment("At risk", "lifecycle = at_risk");

        View(await _controller.Create(new SegmentModel { Name = " AT RISK", Rule = "orders > 1" }));

        _controller.ModelState[nameof(SegmentModel.Name)]!.Errors.Should().ContainSingle()
            .Which.ErrorMessage.Should().Be("Plugins.Misc.Personalization.Segments.Validation.NameTaken");
        _admin.Segments.Rows.Should().ContainSingle();
    }

    [Test]
    public async Task AValidNewSegmentIsStoredWithItsCanonicalRuleAndTrimmedName()
    {
        var result = await _controller.Create(new SegmentModel
        {
            Id = 44, Name = "  Premium and new ", Rule = "LIFECYCLE=New   and affinity.Price_Band[5]>=.4", Enabled = false, DisplayOrder = 3
        });

        BackToConfiguration(result);
        _admin.Segments.Rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new PersonalizationSegment
        {
            Id = 1, Name = "Premium and new", RuleDefinition = "lifecycle = new and affinity.price_band[5] >= 0.4", CustomerRoleId = 0, Enabled = false, DisplayOrder = 3
        });
        _notifications.Verify(n => n.SuccessNotification("Plugins.Misc.Personalization.Segments.Added", true, 0), Times.Once);
    }

    [Test]
    public async Task TheEditFormShowsTheSegmentAndMarksAStoredRuleThatDoesNotParse()
    {
        var segment = _admin.AddSegment("Legacy", "orders >> 2", displayOrder: 2, enabled: false);

        var model = View(await _controller.Edit(segment.Id));

        (model.Id, model.Name, model.Rule, model.Enabled, model.DisplayOrder).Should().Be((segment.Id, "Legacy", "orders >> 2", false, 2));
        model.RuleErrorPosition.Should().Be(9);
    }

    [Test]
    public async Task EditingSavesTheChangesKeepsItsOwnNameAndTheRoleTheFormPosts()
    {
        _admin.AddRole("Gold");
        var vip = _admin.AddRole("VIP");
        var segment = _admin.AddSegment("High value", "monetary >= 4 and frequency >= 4");
        segment.CustomerRoleId = vip.Id;
        _admin.AddSegment("Lapsed", "lifecycle = lapsed");

        var result = await _controller.Edit(new SegmentModel { Id = segment.Id, Name = "high VALUE", Rule = "monetary = 5", Enabled = true, DisplayOrder = 1, CustomerRoleId = vip.Id });

        BackToConfiguration(result);
        segment.Should().BeEquivalentTo(new { Name = "high VALUE", RuleDefinition = "monetary = 5", CustomerRoleId = vip.Id, Enabled = true, DisplayOrder = 1 });
        _admin.Segments.Mock.Verify(r => r.UpdateAsync(segment, true), Times.Once);
        _notifications.Verify(n => n.SuccessNotification("Plugins.Misc.Personalization.Segments.Updated", true, 0), Times.Once);
    }

    [Test]
    public async Task EverySavedChangeBringsTheRecountForwardToTheNextTrainingRunAndARefusedOneDoesNot()
    {
        var tomorrow = new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
        void Scheduled() => _admin.Settings.Save(new PersonalizationInsightsState { NextRefreshOnUtc = tomorrow });
        DateTime? Next() => _admin.Settings.Load<PersonalizationInsightsState>().NextRefreshOnUtc;
        var segment = _admin.AddSegment("Lapsed", "lifecycle = lapsed");

        Scheduled();
        await _controller.Edit(new SegmentModel { Id = segment.Id, Name = "Lapsed", Rule = "monetary >= 5", DisplayOrder = -1 });
        Next().Should().Be(tomorrow, "an invalid edit saves nothing");
        _controller.ModelState.Clear();

        await _controller.Edit(new SegmentModel { Id = segment.Id, Name = "Lapsed", Rule = "lifecycle in (at_risk, lapsed)" });
        Next().Should().BeNull();

        Scheduled();
        await _controller.Create(new SegmentModel { Name = "Big spenders", Rule = "monetary >= 5" });
        Next().Should().BeNull();

        Scheduled();
        await _controller.Delete(segment.Id);
        Next().Should().BeNull();

        Scheduled();
        await _controller.RestoreBuiltIn();
        Next().Should().BeNull();
    }

    [Test]
    public async Task AnInvalidEditChangesNothing()
    {
        var segment = _admin.AddSegment("High value", "monetary >= 4");
        _admin.AddSegment("Lapsed", "lifecycle = lapsed");

        var result = await _controller.Edit(new SegmentModel { Id = segment.Id, Name = "Lapsed", Rule = "monetary >= 5", DisplayOrder = -1 });

        View(result);
        _controller.ModelState.Keys.Should().BeEquivalentTo(nameof(SegmentModel.Name), nameof(SegmentModel.DisplayOrder));
        (segment.Name, segment.RuleDefinition, segment.DisplayOrder).Should().Be(("High value", "monetary >= 4", 0));
        _admin.Segments.Mock.Verify(r => r.UpdateAsync(It.IsAny<PersonalizationSegment>(), It.IsAny<bool>()), Times.Never);
    }

    [Test]
    public async Task DeletingASegmentThatPlacementsTargetIsRefusedWithTheirNames()
    {
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Segments.DeleteRefused")).ReturnsAsync("{0} is used by {1}.");
        var segment = _admin.AddSegment("Lapsed", "lifecycle = lapsed");
        _admin.Placements.Add(new PersonalizationPlacement { WidgetZone = "home_page_top", Title = "Welcome back", SegmentId = segment.Id });
        _admin.Placements.Add(new PersonalizationPlacement { WidgetZone = "home_page_bottom", Title = "", SegmentId = segment.Id });
        _admin.Placements.Add(new PersonalizationPlacement { WidgetZone = "productdetails_bottom", Title = "Others", SegmentId = segment.Id + 1 });

        var result = await _controller.Delete(segment.Id);

        BackToConfiguration(result);
        _admin.Segments.Rows.Should().ContainSingle();
        _notifications.Verify(n => n.ErrorNotification("Lapsed is used by \"Welcome back\" (home_page_top, #1), home_page_bottom (#2).", true, 0), Times.Once);
        _notifications.Verify(n => n.SuccessNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task ASegmentNoPlacementTargetsIsDeleted()
    {
        var segment = _admin.AddSegment("Lapsed", "lifecycle = lapsed");
        _admin.Placements.Add(new PersonalizationPlacement { WidgetZone = "home_page_top", SegmentId = 0 });

        BackToConfiguration(await _controller.Delete(segment.Id));

        _admin.Segments.Rows.Should().BeEmpty();
        _notifications.Verify(n => n.SuccessNotification("Plugins.Misc.Personalization.Segments.Deleted", true, 0), Times.Once);
    }

    [Test]
    public async Task AMissingSegmentGoesBackWithAnError()
    {
        BackToConfiguration(await _controller.Edit(42));
        BackToConfiguration(await _controller.Edit(new SegmentModel { Id = 42, Name = "X", Rule = "orders > 1" }));
        BackToConfiguration(await _controller.Delete(42));

        _notifications.Verify(n => n.ErrorNotification("Plugins.Misc.Personalization.Segments.NotFound", true, 0), Times.Exactly(3));
        _admin.Segments.Rows.Should().BeEmpty();
    }

    [Test]
    public async Task RestoringAddsTheMissingBuiltInsAndSaysWhich()
    {
        _localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Segments.Restored")).ReturnsAsync("{0} added: {1}");
        foreach (var template in BuiltInSegments.All.Skip(2))
            _admin.AddSegment(template.Name, "orders > 1");

        BackToConfiguration(await _controller.RestoreBuiltIn());

        var expected = BuiltInSegments.All.Take(2).Select(template => template.Name).ToList();
        _admin.Segments.Rows.Select(s => s.Name).Should().EndWith(expected);
        _admin.Segments.Rows.Should().HaveCount(BuiltInSegments.All.Count);
        _notifications.Verify(n => n.SuccessNotification($"2 added: {string.Join(", ", expected)}", true, 0), Times.Once);

        BackToConfiguration(await _controller.RestoreBuiltIn());

        _admin.Segments.Rows.Should().HaveCount(BuiltInSegments.All.Count);
        _notifications.Verify(n => n.SuccessNotification("Plugins.Misc.Personalization.Segments.RestoreNothing", true, 0), Times.Once);
    }

    private SegmentModel View(IActionResult result)
    {
        var view = result.Should().BeOfType<ViewResult>().Subject;
        view.ViewName.Should().Be(PersonalizationSegmentController.EDIT_VIEW);
        return view.Model.Should().BeOfType<SegmentModel>().Subject;
    }

    private static void BackToConfiguration(IActionResult result) =>
        result.Should().BeOfType<RedirectToRouteResult>().Which.RouteName.Should().Be(PersonalizationDefaults.ConfigurationRouteName);
}

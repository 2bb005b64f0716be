using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Services.Placements;

namespace Nop.Plugin.Misc.Personalization.Tests.Placements;

[TestFixture]
public class PlacementModelValidatorTests
{
    private static readonly int[] _noSegments = [];

    private static PlacementModel Valid() => new()
    {
        WidgetZone = "productdetails_bottom",
        Strategy = nameof(PlacementStrategy.Similar),
        Title = "Similar products",
        Count = 4,
        Enabled = true
    };

    [Test]
    public void AFittingPlacementIsValid()
    {
        PlacementModelValidator.Validate(Valid(), _noSegments).Should().BeEmpty();
        PlacementModelValidator.Validate(PlacementModelFactory.NewFormModel(), _noSegments).Should().BeEmpty("the add form starts valid");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Unknown")]
    [TestCase("similar")]
    [TestCase("0")]
    public void OnlyAStrategyNameIsAccepted(string strategy)
    {
        var errors = PlacementModelValidator.Validate(Valid() with { Strategy = strategy }, _noSegments);

        errors.Should().ContainSingle().Which.Property.Should().Be(nameof(PlacementModel.Strategy));
    }

    [TestCase(null, null, "Plugins.Misc.Personalization.Placements.Validation.ZoneRequired")]
    [TestCase("", "  ", "Plugins.Misc.Personalization.Placements.Validation.ZoneRequired")]
    [TestCase("", "My_Zone", "Plugins.Misc.Personalization.Placements.Validation.ZoneCharacters")]
    [TestCase("", "my-zone", "Plugins.Misc.Personalization.Placements.Validation.ZoneCharacters")]
    [TestCase("", "zone<script>", "Plugins.Misc.Personalization.Placements.Validation.ZoneCharacters")]
    [TestCase("", "account_navigation_after", "Plugins.Misc.Personalization.Placements.Validation.ZoneReserved")]
    [TestCase("", "admin_customer_details_block", "Plugins.Misc.Personalization.Placements.Validation.ZoneReserved")]
    public void TheZoneIsRequiredAndLowerCaseLettersDigitsAndUnderscores(string zone, string customZone, string resourceKey)
    {
        var model = Valid() with { WidgetZone = zone, CustomWidgetZone = customZone, Strategy = nameof(PlacementStrategy.ForYou) };

        PlacementModelValidator.Validate(model, _noSegments).Should().ContainSingle().Which.ResourceKey.Should().Be(resourceKey);
    }

    [Test]
    public void TheZoneHasAtMostAHundredCharacters()
    {
        var model = Valid() with { WidgetZone = "", CustomWidgetZone = new string('a', 101), Strategy = nameof(PlacementStrategy.ForYou) };

        var error = PlacementModelValidator.Validate(model, _noSegments).Should().ContainSingle().Subject;
        error.Property.Should().Be(nameof(PlacementModel.CustomWidgetZone));
        error.ResourceKey.Should().Be("Plugins.Misc.Personalization.Placements.Validation.ZoneLength");
        PlacementModelValidator.Validate(model with { CustomWidgetZone = new string('a', 100) }, _noSegments).Should().BeEmpty();
    }

    [Test]
    public void AKnownZoneOfAnotherPageIsRefusedWithTheReason()
    {
        var model = Valid() with { WidgetZone = "home_page_top" };

        var error = PlacementModelValidator.Validate(model, _noSegments).Should().ContainSingle().Subject;
        error.Property.Should().Be(nameof(PlacementModel.WidgetZone));
        error.ResourceKey.Should().Be("Plugins.Misc.Personalization.Placements.Validation.ZoneMismatch");
        error.Arguments.Should().Equal(
            PlacementModelValidator.StrategyResourceKey(PlacementStrategy.Similar),
            PlacementModelValidator.PageResourceKey(PlacementPage.Product),
            "home_page_top");
    }

    [Test]
    public void ACustomZoneAcceptsAContextualStrategyButAsksForAPageCheck()
    {
        var model = Valid() with { WidgetZone = "home_page_top", CustomWidgetZone = "mytheme_product_tabs" };

        PlacementModelValidator.Validate(model, _noSegments).Should().BeEmpty("the custom zone wins over the chosen one");
        model.EffectiveWidgetZone.Should().Be("mytheme_product_tabs");
        PlacementModelValidator.NeedsPageCheck(model).Should().BeTrue();
        PlacementModelValidator.NeedsPageCheck(Valid()).Should().BeFalse();
        PlacementModelValidator.NeedsPageCheck(model with { Strategy = nameof(PlacementStrategy.Trending) }).Should().BeFalse();
    }

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(24, true)]
    [TestCase(25, false)]
    public void CountIsBetweenOneAndTwentyFour(int count, bool valid)
    {
        var errors = PlacementModelValidator.Validate(Valid() with { Count = count }, _noSegments);

        if (valid)
        {
            errors.Should().BeEmpty();
            return;
        }

        var error = errors.Should().ContainSingle().Subject;
        error.Property.Should().Be(nameof(PlacementModel.Count));
        error.Arguments.Should().Equal(PlacementModelValidator.FieldResourceKey(nameof(PlacementModel.Count)), 1, 24);
    }

    [Test]
    public void TitleHasAtMostTwoHundredCharactersAndMayBeEmpty()
    {
        PlacementModelValidator.Validate(Valid() with { Title = new string('x', 200) }, _noSegments).Should().BeEmpty();
        PlacementModelValidator.Validate(Valid() with { Title = null }, _noSegments).Should().BeEmpty();
        PlacementModelValidator.Validate(Valid() with { Title = new string('x', 201) }, _noSegments)
            .Should().ContainSingle().Which.Property.Should().Be(nameof(PlacementModel.Title));
    }

    [Test]
    public void EveryoneNeedsNoSegment()
    {
        PlacementModelValidator.Validate(Valid() with { SegmentId = 0 }, _noSegments).Should().BeEmpty();
    }

    [TestCase(3)]
    [TestCase(9)]
    public void AnExistingSegmentIsAccepted(int segmentId)
    {
        PlacementModelValidator.Validate(Valid() with { SegmentId = segmentId }, [3, 9]).Should().BeEmpty();
    }

    [TestCase(4)]
    [TestCase(-1)]
    public void ASegmentThatDoesNotExistIsRefused(int segmentId)
    {
        var error = PlacementModelValidator.Validate(Valid() with { SegmentId = segmentId }, [3, 9]).Should().ContainSingle().Subject;

        error.Property.Should().Be(nameof(PlacementModel.SegmentId));
        error.ResourceKey.Should().Be("Plugins.Misc.Personalization.Placements.Validation.SegmentUnknown");
        error.Arguments.Should().Equal(segmentId);
    }
}

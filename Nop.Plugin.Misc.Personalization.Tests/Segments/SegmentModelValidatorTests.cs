using Nop.Plugin.Misc.Personalization.Models.Segments;

namespace Nop.Plugin.Misc.Personalization.Tests.Segments;

[TestFixture]
public class SegmentModelValidatorTests
{
    private static readonly string[] _others = ["At risk", "High value"];

    [Test]
    public void AValidSegmentHasNoErrors()
    {
        SegmentModelValidator.Validate(Valid(), _others).Should().BeEmpty();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void TheNameIsRequired(string name)
    {
        var model = Valid() with { Name = name };

        SegmentModelValidator.Validate(model, _others).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Property = nameof(SegmentModel.Name), ResourceKey = "Plugins.Misc.Personalization.Segments.Validation.NameRequired" });
    }

    [Test]
    public void TheNameHasAtMost200CharactersAfterTrimming()
    {
        SegmentModelValidator.Validate(Valid() with { Name = "  " + new string('n', 200) + "  " }, _others).Should().BeEmpty();

        var error = SegmentModelValidator.Validate(Valid() with { Name = new string('n', 201) }, _others).Should().ContainSingle().Subject;

        error.Property.Should().Be(nameof(SegmentModel.Name));
        error.ResourceKey.Should().Be("Plugins.Misc.Personalization.Segments.Validation.NameLength");
        error.Arguments.Should().Equal(200);
    }

    [TestCase("At risk")]
    [TestCase("at RISK")]
    [TestCase("  High value ")]
    public void TheNameMustDifferFromEveryOtherSegmentIgnoringCaseAndSpaces(string name)
    {
        SegmentModelValidator.Validate(Valid() with { Name = name }, _others).Should().ContainSingle()
            .Which.ResourceKey.Should().Be("Plugins.Misc.Personalization.Segments.Validation.NameTaken");
    }

    [Test]
    public void ANameOnlyTheEditedSegmentHasIsFine()
    {
        //the caller leaves the edited segment out of the other names
        SegmentModelValidator.Validate(Valid() with { Name = "At risk" }, ["High value"]).Should().BeEmpty();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \n ")]
    public void TheRuleIsRequired(string rule)
    {
        SegmentModelValidator.Validate(Valid() with { Rule = rule }, _others).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Property = nameof(SegmentModel.Rule), ResourceKey = "Plugins.Misc.Personalization.Segments.Validation.RuleRequired" });
    }

    [TestCase("lifecycle > active", 11, "'=', '!=' or 'in' after lifecycle (stages have no order)", "'>'")]
    [TestCase("orders >= 2 and", 16, "a field name, 'not' or '('", "end of rule")]
    [TestCase("affinity.colour[3] > 0.1", 10, "an affinity kind (category, manufacturer, price_band, specification, tag, attribute_value, attribute)", "'colour'")]
    public void ARuleThatDoesNotParseCarriesTheParsersPositionExpectationAndFinding(string rule, int position, string expected, string found)
    {
        var error = SegmentModelValidator.Validate(Valid() with { Rule = rule }, _others).Should().ContainSingle().Subject;

        error.Property.Should().Be(nameof(SegmentModel.Rule));
        error.ResourceKey.Should().Be(SegmentModelValidator.RULE_SYNTAX);
        error.Arguments.Should().Equal(position, expected, found);
        SegmentModelValidator.ErrorPosition(rule).Should().Be(position);
    }

    [Test]
    public void AnOverlongRuleIsRefusedBeforeParsing()
    {
        var rule = string.Join(" or ", Enumerable.Repeat("orders > 1", 200));
        rule.Length.Should().BeGreaterThan(SegmentModelValidator.MAX_RULE_LENGTH);

        SegmentModelValidator.Validate(Valid() with { Rule = rule }, _others).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { ResourceKey = "Plugins.Misc.Personalization.Segments.Validation.RuleLength", Arguments = new object[] { 2000 } });
    }

    [TestCase(-1, true)]
    [TestCase(0, false)]
    [TestCase(7, false)]
    public void TheDisplayOrderIsNotNegative(int displayOrder, bool refused)
    {
        var errors = SegmentModelValidator.Validate(Valid() with { DisplayOrder = displayOrder }, _others);

        errors.Any(error => error.Property == nameof(SegmentModel.DisplayOrder)
            && error.ResourceKey == "Plugins.Misc.Personalization.Segments.Validation.DisplayOrder").Should().Be(refused);
        errors.Should().HaveCount(refused ? 1 : 0);
    }

    [Test]
    public void EveryProblemIsReportedAtOnce()
    {
        var errors = SegmentModelValidator.Validate(new SegmentModel { Name = "", Rule = "orders >=", DisplayOrder = -3 }, _others);

        errors.Select(error => error.Property).Should().Equal(nameof(SegmentModel.Name), nameof(SegmentModel.Rule), nameof(SegmentModel.DisplayOrder));
    }

    [TestCase("LIFECYCLE = Active", "lifecycle = active")]
    [TestCase("lifecycle not in (lapsed, none)", "not lifecycle in (lapsed, none)")]
    [TestCase("  monetary>=4  and frequency>=4 ", "monetary >= 4 and frequency >= 4")]
    public void TheStoredRuleIsTheCanonicalText(string typed, string stored)
    {
        SegmentModelValidator.CanonicalRule(typed).Should().Be(stored);
        SegmentModelValidator.ErrorPosition(typed).Should().BeNull();
    }

    private static SegmentModel Valid() => new() { Name = "Loyal", Rule = "frequency >= 4", Enabled = true, DisplayOrder = 2 };
}

using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Segments;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Segments;

/// <summary>Rules on attribute affinities, written with the attribute's and value's names in any of the shop's languages.</summary>
[TestFixture]
public class AttributeRuleTests
{
    private const int WOOL = 41;
    private const int RED = 77;
    private const int WARM = 5;

    // wool: a specification option, English and German; red: a product attribute value; warm: a tag
    private static readonly AttributeVocabulary _vocabulary = new([
        new AttributeTerm(AffinityKind.SpecificationOption, WOOL, "Material", "Wool"),
        new AttributeTerm(AffinityKind.SpecificationOption, WOOL, "Stoff", "Wolle"),
        new AttributeTerm(AffinityKind.SpecificationOption, WOOL, "Material", "Wolle"),
        new AttributeTerm(AffinityKind.SpecificationOption, WOOL, "Stoff", "Wool"),
        new AttributeTerm(AffinityKind.AttributeValue, RED, "Colour", "Red"),
        new AttributeTerm(AffinityKind.Tag, WARM, null, "warm")
    ]);

    private static readonly CustomerProfile _woolLover = Profiles.Make(affinities:
        [new Affinity(AffinityKind.Category, 3, 0.9), new Affinity(AffinityKind.SpecificationOption, WOOL, 0.4), new Affinity(AffinityKind.Tag, WARM, 0.2)]);

    [TestCase("affinity.attribute(\"Material\", \"Wool\") >= 0.3", true)]
    [TestCase("affinity.attribute(\"stoff\", \"WOLLE\") >= 0.3", true)]
    [TestCase("affinity.attribute(\"Material\",\"Wool\") >= 0.5", false)]
    [TestCase("affinity.attribute(\"Colour\", \"Red\") > 0", false)]
    [TestCase("affinity.attribute(\"Colour\", \"Red\") = 0", true)]
    [TestCase("affinity.tag(\"warm\") = 0.2", true)]
    [TestCase("affinity.specification[41] = 0.4", true)]
    [TestCase("affinity.tag[5] > 0.3", false)]
    [TestCase("affinity.attribute(\"Material\", \"Silk\") > 0", false)]
    public void NamedAttributesMatchTheirIdsInAnyLanguage(string rule, bool matches)
    {
        SegmentRule.Parse(rule, _vocabulary).Matches(_woolLover).Should().Be(matches);
    }

    [Test]
    public void WithoutTheShopsNamesANamedFieldIsZero()
    {
        SegmentRule.Parse("affinity.attribute(\"Material\", \"Wool\") > 0").Matches(_woolLover).Should().BeFalse();
    }

    [TestCase("Affinity.Attribute( \"Material\" , \"Wool\" )>=.3", "affinity.attribute(\"Material\", \"Wool\") >= 0.3")]
    [TestCase("affinity.tag(\"say \"\"hi\"\"\") > 0", "affinity.tag(\"say \"\"hi\"\"\") > 0")]
    [TestCase("affinity.attribute_value[7] > 0 or affinity.tag[2] > 0.1", "affinity.attribute_value[7] > 0 or affinity.tag[2] > 0.1")]
    public void NamedFieldsKeepTheirNamesInTheCanonicalForm(string text, string canonical)
    {
        SegmentRule.Parse(text).ToString().Should().Be(canonical);
        SegmentRule.Parse(canonical).ToString().Should().Be(canonical);
    }

    [TestCase("affinity.attribute[3] > 0", 19, "'(' and the attribute's and value's names, e.g. affinity.attribute(\"Material\", \"Wool\")", "'['")]
    [TestCase("affinity.attribute(Material, \"Wool\") > 0", 20, "the attribute's name in quotes, e.g. affinity.attribute(\"Material\", \"Wool\")", "'Material'")]
    [TestCase("affinity.attribute(\"Material\") > 0", 30, "',' and the value's name after \"Material\"", "')'")]
    [TestCase("affinity.attribute(\"Material\", \"Wool > 0", 32, "a closing '\"' for the name that starts here", "end of rule")]
    [TestCase("affinity.tag(\"\") > 0", 14, "the tag's name in quotes, e.g. affinity.tag(\"wool\")", "\"\"")]
    public void MistakesSayWhereAndWhatWasExpected(string text, int position, string expected, string found)
    {
        SegmentRule.TryParse(text, out _, out var error).Should().BeFalse();

        (error.Position, error.Expected, error.Found).Should().Be((position, expected, found));
    }
}

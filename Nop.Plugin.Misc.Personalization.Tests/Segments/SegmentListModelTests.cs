using System.Text.RegularExpressions;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Engine.Segments;
using Nop.Plugin.Misc.Personalization.Localization;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Tests.Segments;

/// <summary>
/// The segments card: every segment in display order with its size per store as the last refresh stored it.
/// </summary>
[TestFixture]
public class SegmentListModelTests
{
    private SegmentAdmin _admin;

    [SetUp]
    public void SetUp() => _admin = new SegmentAdmin();

    [Test]
    public async Task SizesComeFromTheStateAndASegmentWithoutALineIsNotComputedYet()
    {
        var refreshedOn = new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Utc);
        _admin.Stores.Add(new Store { Name = "Main shop" });
        _admin.Stores.Add(new Store { Name = "Outlet" });
        var active = _admin.AddSegment("Active customers", "LIFECYCLE = Active", displayOrder: 1);
        var vip = _admin.AddSegment("VIP", "monetary = 5", displayOrder: 0);
        var added = _admin.AddSegment("Added after the refresh", "orders > 3", displayOrder: 2);
        var off = _admin.AddSegment("Switched off", "orders > 9", displayOrder: 3, enabled: false);
        _admin.Settings.Save(new PersonalizationInsightsState
        {
            RefreshedOnUtc = refreshedOn,
            NextRefreshOnUtc = refreshedOn.AddDays(1),
            //store 7 is unknown to the shop; the name in a line is the one at refresh time, the card shows today's
            SegmentSizes = $"2|{active.Id}|Active (old name)|40|Only 40 customers match\n1|{active.Id}|Active customers|900|\n"
                + $"7|{vip.Id}|VIP|55|\nbroken line\n1|999|Deleted segment|12|"
        });

        var model = await _admin.Factory().PrepareListModelAsync();

        model.Unavailable.Should().BeFalse();
        (model.RefreshedOnUtc, model.NextRefreshOnUtc).Should().Be((refreshedOn, refreshedOn.AddDays(1)));
        model.Segments.Select(s => s.Name).Should().Equal("VIP", "Active customers", "Added after the refresh", "Switched off");

        var activeRow = model.Segments[1];
        (activeRow.Id, activeRow.Rule, activeRow.RuleInvalid, activeRow.Enabled, activeRow.DisplayOrder).Should().Be((active.Id, "lifecycle = active", false, true, 1));
        activeRow.Sizes.Should().Equal(
            new SegmentStoreSizeModel(1, "Main shop", 900, null),
            new SegmentStoreSizeModel(2, "Outlet", 40, "Only 40 customers match"));
        model.Segments[0].Sizes.Should().Equal(new SegmentStoreSizeModel(7, "#7", 55, null));
        model.Segments.Single(s => s.Id == added.Id).Sizes.Should().BeEmpty("the refresh has not counted it yet");
        model.Segments.Single(s => s.Id == off.Id).Should().BeEquivalentTo(new { Enabled = false, Sizes = Array.Empty<SegmentStoreSizeModel>() });
    }

    [Test]
    public async Task BeforeAnyRefreshNoSegmentHasASize()
    {
        _admin.AddSegment("VIP", "monetary = 5");

        var model = await _admin.Factory().PrepareListModelAsync();

        model.RefreshedOnUtc.Should().BeNull();
        model.NextRefreshOnUtc.Should().BeNull();
        model.Segments.Should().ContainSingle().Which.Sizes.Should().BeEmpty();
    }

    [Test]
    public async Task AStoredRuleThatDoesNotParseIsShownAsStoredAndFlagged()
    {
        _admin.AddSegment("Legacy", "orders >> 2");

        var row = (await _admin.Factory().PrepareListModelAsync()).Segments.Single();

        (row.Rule, row.RuleInvalid).Should().Be(("orders >> 2", true));
    }

    [Test]
    public async Task TheCardListsTheBuiltInSegmentsARestoreWouldAdd()
    {
        _admin.AddSegment(BuiltInSegments.All[0].Name.ToUpperInvariant(), "orders > 1");
        _admin.AddSegment(BuiltInSegments.All[3].Name, "orders > 1");

        var model = await _admin.Factory().PrepareListModelAsync();

        model.MissingBuiltIns.Should().Equal(BuiltInSegments.All.Where((_, index) => index is not (0 or 3)).Select(template => template.Name));

        foreach (var template in BuiltInSegments.All)
            _admin.AddSegment(template.Name, template.Rule);
        (await _admin.Factory().PrepareListModelAsync()).MissingBuiltIns.Should().BeEmpty();
    }

    [Test]
    public void EveryExampleInTheRuleHelpParses()
    {
        var help = LocaleResources.LoadEnglish()["Plugins.Misc.Personalization.Segments.RuleHelp"];
        var examples = help[help.IndexOf("Examples:", StringComparison.Ordinal)..];

        var rules = Regex.Matches(examples, "<code>(.*?)</code>").Select(match => System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)).ToList();

        rules.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var rule in rules)
            SegmentRule.TryParse(rule, out _, out var error).Should().BeTrue($"{rule}: {error?.Message}");
    }
}

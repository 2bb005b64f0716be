using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Segments;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Segments;

/// <summary>
/// Segment storage for the admin pages against PostgreSQL through the plugin's migrations and IRepository&lt;T&gt;.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class SegmentServiceDatabaseTests : MigratedDatabaseTest
{
    private SegmentService _service;

    public SegmentServiceDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public async Task SetUpAsync()
    {
        await Repository<PersonalizationSegment>().TruncateAsync();
        await Repository<PersonalizationPlacement>().TruncateAsync();
        _service = new SegmentService(Repository<PersonalizationPlacement>(), Repository<PersonalizationSegment>());
    }

    [Test]
    public async Task InsertGetUpdateDelete()
    {
        var segment = Segment("Loyal", "frequency >= 4", displayOrder: 3);

        await _service.InsertSegmentAsync(segment);
        segment.Id.Should().BePositive();

        var loaded = await _service.GetSegmentByIdAsync(segment.Id);
        loaded.Should().BeEquivalentTo(segment);

        loaded.Name = "Very loyal";
        loaded.RuleDefinition = "frequency = 5";
        loaded.Enabled = false;
        loaded.DisplayOrder = 0;
        await _service.UpdateSegmentAsync(loaded);
        (await _service.GetSegmentByIdAsync(segment.Id)).Should().BeEquivalentTo(loaded);

        var deletion = await _service.DeleteSegmentAsync(loaded);
        deletion.Deleted.Should().BeTrue();
        deletion.TargetingPlacements.Should().BeEmpty();
        (await _service.GetSegmentByIdAsync(segment.Id)).Should().BeNull();
    }

    [Test]
    public async Task TheListHoldsEnabledAndDisabledSegmentsInDisplayOrder()
    {
        await _service.InsertSegmentAsync(Segment("C", "orders > 1", displayOrder: 2));
        await _service.InsertSegmentAsync(Segment("A", "orders > 2", displayOrder: 0, enabled: false));
        await _service.InsertSegmentAsync(Segment("B", "orders > 3", displayOrder: 1));
        await _service.InsertSegmentAsync(Segment("B2", "orders > 4", displayOrder: 1));

        (await _service.GetSegmentsAsync()).Select(s => s.Name).Should().Equal("A", "B", "B2", "C");
    }

    [Test]
    public async Task DeletingASegmentThatPlacementsTargetIsRefusedAndNamesThem()
    {
        var targeted = Segment("Lapsed", "lifecycle = lapsed");
        var other = Segment("New", "lifecycle = new");
        await _service.InsertSegmentAsync(targeted);
        await _service.InsertSegmentAsync(other);
        var placements = Repository<PersonalizationPlacement>();
        var first = Placement(targeted.Id, "home_page_top", "Welcome back");
        var second = Placement(targeted.Id, "productdetails_bottom", "");
        var unrelated = Placement(other.Id, "home_page_bottom", "Hello");
        foreach (var placement in new[] { first, second, unrelated })
            await placements.InsertAsync(placement);

        var deletion = await _service.DeleteSegmentAsync(targeted);

        deletion.Deleted.Should().BeFalse();
        deletion.TargetingPlacements.Select(p => p.Id).Should().Equal(first.Id, second.Id);
        (await _service.GetSegmentByIdAsync(targeted.Id)).Should().NotBeNull("nothing changes when the deletion is refused");

        await placements.DeleteAsync(first);
        await placements.DeleteAsync(second);
        (await _service.DeleteSegmentAsync(targeted)).Deleted.Should().BeTrue("no placement targets it any more");
        (await _service.GetSegmentByIdAsync(targeted.Id)).Should().BeNull();
        (await _service.GetSegmentByIdAsync(other.Id)).Should().NotBeNull();
    }

    [Test]
    public async Task RestoringIntoAnEmptyTableAddsEveryBuiltInSegmentEnabledAndInOrder()
    {
        var added = await _service.RestoreBuiltInSegmentsAsync();

        var stored = await _service.GetSegmentsAsync();
        stored.Select(s => (s.Name, s.RuleDefinition, s.DisplayOrder, s.Enabled, s.CustomerRoleId)).Should().Equal(
            BuiltInSegments.All.Select((template, index) => (template.Name, SegmentRule.Parse(template.Rule).ToString(), index, true, 0)));
        added.Select(s => s.Id).Should().BeEquivalentTo(stored.Select(s => s.Id), "each added segment carries its id");
    }

    [Test]
    public async Task RestoringAddsOnlyTheMissingNamesAndLeavesEditedOnesAlone()
    {
        var builtIns = BuiltInSegments.All;
        //kept its name (in other case) but changed rule and state: must stay as the admin left it
        var edited = Segment(builtIns[0].Name.ToUpperInvariant(), "lifecycle = new and orders >= 1", displayOrder: 5, enabled: false);
        //a renamed built-in no longer counts as present
        var renamed = Segment(builtIns[1].Name + " (EU)", builtIns[1].Rule, displayOrder: 9);
        var own = Segment("Own", "orders > 10", displayOrder: 2);
        foreach (var segment in new[] { edited, renamed, own })
            await _service.InsertSegmentAsync(segment);
        var present = builtIns.Skip(2).Take(3).ToList();
        foreach (var template in present)
            await _service.InsertSegmentAsync(Segment("  " + template.Name + " ", template.Rule, displayOrder: 1));

        var added = await _service.RestoreBuiltInSegmentsAsync();

        var expectedNames = builtIns.Where(template => template != builtIns[0] && !present.Contains(template)).Select(template => template.Name).ToList();
        added.Select(s => s.Name).Should().Equal(expectedNames);
        added.Select(s => s.DisplayOrder).Should().Equal(Enumerable.Range(10, expectedNames.Count), "restored segments go after the existing ones");

        var stored = await _service.GetSegmentsAsync();
        stored.Should().HaveCount(3 + present.Count + expectedNames.Count);
        (await _service.GetSegmentByIdAsync(edited.Id)).Should().BeEquivalentTo(edited, "an edited built-in is never overwritten");
        stored.GroupBy(s => SegmentNames.Normalize(s.Name), SegmentNames.Comparer).Should().OnlyContain(group => group.Count() == 1, "no duplicates");

        (await _service.RestoreBuiltInSegmentsAsync()).Should().BeEmpty("a second restore has nothing to add");
        (await _service.GetSegmentsAsync()).Should().HaveCount(stored.Count);
    }

    private static PersonalizationSegment Segment(string name, string rule, int displayOrder = 0, bool enabled = true) => new()
    {
        Name = name,
        RuleDefinition = rule,
        CustomerRoleId = 0,
        DisplayOrder = displayOrder,
        Enabled = enabled
    };

    private static PersonalizationPlacement Placement(int segmentId, string zone, string title) => new()
    {
        StoreId = 0,
        WidgetZone = zone,
        Strategy = "ForYou",
        Title = title,
        Count = 4,
        SegmentId = segmentId,
        Enabled = true
    };
}

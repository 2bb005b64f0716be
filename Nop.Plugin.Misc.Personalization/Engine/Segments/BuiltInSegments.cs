namespace Nop.Plugin.Misc.Personalization.Engine.Segments;

/// <param name="Purpose">What the segment is for, shown to the admin.</param>
public sealed record SegmentTemplate(string Name, string Rule, string Purpose);

/// <summary>
/// A few broad starting segments (lifecycle, value, interest) offered on install; the admin edits or adds more.
/// Price band 1 is the cheapest fifth of the catalog and band 5 the dearest with the default five bands.
/// </summary>
public static class BuiltInSegments
{
    public static IReadOnlyList<SegmentTemplate> All { get; } = new[]
    {
        new SegmentTemplate("New customers", "lifecycle = new", "Welcome series and first-repeat offers."),
        new SegmentTemplate("Active customers", "lifecycle = active", "Regular buyers ordering in their usual rhythm."),
        new SegmentTemplate("At risk", "lifecycle = at_risk", "Overdue against their own rhythm: reminders before they lapse."),
        new SegmentTemplate("Lapsed", "lifecycle = lapsed", "Win-back campaigns."),
        new SegmentTemplate("High value", "monetary >= 4 and frequency >= 4", "Top spenders who order often: VIP treatment."),
        new SegmentTemplate("High value slipping", "lifecycle in (at_risk, lapsed) and monetary >= 4", "Valuable customers worth a personal win-back."),
        new SegmentTemplate("Premium shoppers", "affinity.price_band[5] >= 0.4", "Lean towards the dearest fifth of the catalog."),
        new SegmentTemplate("Bargain hunters", "affinity.price_band[1] >= 0.4", "Lean towards the cheapest fifth of the catalog.")
    };
}

namespace Nop.Plugin.Misc.Personalization.Engine.Segments;

/// <summary>
/// A segment as the engine sees it: the stored segment's id and name with its parsed rule.
/// </summary>
public sealed record SegmentDefinition(int Id, string Name, SegmentRule Rule);

/// <param name="Share">Members / profiles evaluated, 0 when there were none.</param>
/// <param name="Warning">Why the segment is too small to matter; null when it is large enough.</param>
public sealed record SegmentSize(int SegmentId, string Name, int Members, double Share, string Warning);

/// <summary>
/// When a segment is too small to be worth a placement or a campaign.
/// </summary>
public sealed class SegmentOptions
{
    public int MinimumMembers { get; init; } = 50;

    public double MinimumShare { get; init; } = 0.01;
}

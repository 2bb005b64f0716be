using Nop.Plugin.Misc.Personalization.Services.Segments;

namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// Every segment (enabled or not) for the placement form and the placements table, in the admin's display order.
/// </summary>
public class SegmentChoices
{
    private readonly ISegmentService _segmentService;

    public SegmentChoices(ISegmentService segmentService)
    {
        _segmentService = segmentService;
    }

    public virtual async Task<IReadOnlyList<SegmentChoice>> LoadAsync()
    {
        var segments = await _segmentService.GetSegmentsAsync();

        return segments.Select(segment => new SegmentChoice(segment.Id, segment.Name, segment.Enabled)).ToList();
    }
}

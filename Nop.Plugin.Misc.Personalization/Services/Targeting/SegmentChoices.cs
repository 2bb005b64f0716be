using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// Every segment (enabled or not) for the placement form and the placements table, in the admin's display order.
/// </summary>
public class SegmentChoices
{
    private readonly IRepository<PersonalizationSegment> _segmentRepository;

    public SegmentChoices(IRepository<PersonalizationSegment> segmentRepository)
    {
        _segmentRepository = segmentRepository;
    }

    public virtual async Task<IReadOnlyList<SegmentChoice>> LoadAsync()
    {
        var segments = await _segmentRepository.GetAllAsync(query => query.OrderBy(segment => segment.DisplayOrder).ThenBy(segment => segment.Id));

        return segments.Select(segment => new SegmentChoice(segment.Id, segment.Name, segment.Enabled)).ToList();
    }
}

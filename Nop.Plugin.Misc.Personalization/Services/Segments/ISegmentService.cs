using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Segments;

/// <summary>
/// The admin's segments in the database. Segments are installation-wide; their sizes are counted per store by the
/// daily customer insights refresh, never here.
/// </summary>
public interface ISegmentService
{
    /// <summary>
    /// Every segment, enabled or not, in display order.
    /// </summary>
    Task<IList<PersonalizationSegment>> GetSegmentsAsync();

    Task<PersonalizationSegment> GetSegmentByIdAsync(int segmentId);

    Task InsertSegmentAsync(PersonalizationSegment segment);

    Task UpdateSegmentAsync(PersonalizationSegment segment);

    /// <summary>
    /// Deletes the segment unless a placement targets it; then nothing changes and the placements are returned.
    /// </summary>
    Task<SegmentDeletion> DeleteSegmentAsync(PersonalizationSegment segment);

    /// <summary>
    /// Adds each built-in segment whose name no segment has (compared by <see cref="SegmentNames"/>), after the
    /// existing ones; an edited segment that kept its name is left as it is. Returns the added segments.
    /// </summary>
    Task<IList<PersonalizationSegment>> RestoreBuiltInSegmentsAsync();
}

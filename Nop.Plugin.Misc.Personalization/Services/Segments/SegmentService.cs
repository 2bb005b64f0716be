using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Segments;

namespace Nop.Plugin.Misc.Personalization.Services.Segments;

/// <summary>
/// Segments in the database for the admin pages. The refresh reads them through <see cref="SegmentStore"/>.
/// </summary>
public sealed class SegmentService : ISegmentService
{
    private readonly IRepository<PersonalizationPlacement> _placementRepository;
    private readonly IRepository<PersonalizationSegment> _segmentRepository;

    public SegmentService(IRepository<PersonalizationPlacement> placementRepository, IRepository<PersonalizationSegment> segmentRepository)
    {
        _placementRepository = placementRepository;
        _segmentRepository = segmentRepository;
    }

    public async Task<IList<PersonalizationSegment>> GetSegmentsAsync()
    {
        return await _segmentRepository.GetAllAsync(query => query.OrderBy(segment => segment.DisplayOrder).ThenBy(segment => segment.Id));
    }

    public Task<PersonalizationSegment> GetSegmentByIdAsync(int segmentId) =>
        _segmentRepository.GetByIdAsync(segmentId);

    public Task InsertSegmentAsync(PersonalizationSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return _segmentRepository.InsertAsync(segment);
    }

    public Task UpdateSegmentAsync(PersonalizationSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return _segmentRepository.UpdateAsync(segment);
    }

    public async Task<SegmentDeletion> DeleteSegmentAsync(PersonalizationSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);

        var segmentId = segment.Id;
        var targeting = await _placementRepository.GetAllAsync(query => query
            .Where(placement => placement.SegmentId == segmentId)
            .OrderBy(placement => placement.Id));
        if (targeting.Count > 0)
            return new SegmentDeletion(false, targeting.ToList());

        await _segmentRepository.DeleteAsync(segment);
        return new SegmentDeletion(true, []);
    }

    public async Task<IList<PersonalizationSegment>> RestoreBuiltInSegmentsAsync()
    {
        var existing = await GetSegmentsAsync();
        var missing = MissingBuiltIns(existing.Select(segment => segment.Name));
        if (missing.Count == 0)
            return [];

        var nextOrder = existing.Count == 0 ? 0 : existing.Max(segment => segment.DisplayOrder) + 1;
        var added = missing.Select((template, index) => SegmentStore.ToRow(template, nextOrder + index)).ToList();
        //one by one so each gets its id and the entity events carry it (a bulk insert leaves ids unset)
        foreach (var segment in added)
            await _segmentRepository.InsertAsync(segment);

        return added;
    }

    /// <summary>
    /// The built-in segments none of <paramref name="existingNames"/> matches, in their own order.
    /// </summary>
    public static IReadOnlyList<SegmentTemplate> MissingBuiltIns(IEnumerable<string> existingNames)
    {
        var names = new HashSet<string>(existingNames.Select(SegmentNames.Normalize), SegmentNames.Comparer);
        return BuiltInSegments.All.Where(template => !names.Contains(SegmentNames.Normalize(template.Name))).ToList();
    }
}

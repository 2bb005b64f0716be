using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Segments;

namespace Nop.Plugin.Misc.Personalization.Services.Segments;

/// <summary>
/// The admin's segments: the built-in starting set, and the enabled ones as the engine evaluates them.
/// </summary>
public class SegmentStore
{
    private readonly IRepository<PersonalizationSegment> _segmentRepository;

    public SegmentStore(IRepository<PersonalizationSegment> segmentRepository)
    {
        _segmentRepository = segmentRepository;
    }

    /// <summary>
    /// Adds the built-in lifecycle, value and interest segments when the shop has none (a new install, or an update
    /// from a version without segments). Returns how many were added.
    /// </summary>
    public async Task<int> InsertBuiltInSegmentsAsync()
    {
        if (await _segmentRepository.GetAllAsync(query => query.Take(1)) is { Count: > 0 })
            return 0;

        var segments = BuiltInSegments.All.Select((template, index) => ToRow(template, index)).ToList();
        await _segmentRepository.InsertAsync(segments, publishEvent: false);

        return segments.Count;
    }

    /// <summary>A built-in segment as stored: enabled, its rule in canonical text, no role.</summary>
    public static PersonalizationSegment ToRow(SegmentTemplate template, int displayOrder) => new()
    {
        Name = template.Name,
        RuleDefinition = SegmentRule.Parse(template.Rule).ToString(),
        CustomerRoleId = 0,
        DisplayOrder = displayOrder,
        Enabled = true
    };

    /// <summary>
    /// The enabled segments with a valid rule, in display order; the names of enabled segments whose rule does not
    /// parse (they match nobody until fixed).
    /// </summary>
    /// <param name="vocabulary">The shop's attribute and tag names, for rules that name them (null: they match no id).</param>
    public async Task<(IReadOnlyList<SegmentDefinition> Segments, IReadOnlyList<string> Invalid)> LoadEnabledAsync(AttributeVocabulary vocabulary = null)
    {
        var rows = await _segmentRepository.GetAllAsync(query => query.Where(segment => segment.Enabled).OrderBy(segment => segment.DisplayOrder).ThenBy(segment => segment.Id));
        var segments = new List<SegmentDefinition>();
        var invalid = new List<string>();
        foreach (var row in rows)
        {
            if (SegmentRule.TryParse(row.RuleDefinition ?? string.Empty, vocabulary, out var rule, out _))
                segments.Add(new SegmentDefinition(row.Id, row.Name, rule));
            else
                invalid.Add(row.Name);
        }

        return (segments, invalid);
    }
}

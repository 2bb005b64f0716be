using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Segments;
using Nop.Plugin.Misc.Personalization.Models.Status;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Models.Segments;

/// <summary>
/// Builds the segment models of the admin pages and maps a valid form back onto the entity. Sizes come from the last
/// customer insights refresh; nothing here counts members.
/// </summary>
public class SegmentModelFactory
{
    private readonly ISegmentService _segmentService;
    private readonly ISettingService _settingService;
    private readonly ShopNames _shopNames;

    public SegmentModelFactory(ISegmentService segmentService, ISettingService settingService, ShopNames shopNames)
    {
        _segmentService = segmentService;
        _settingService = settingService;
        _shopNames = shopNames;
    }

    public virtual async Task<SegmentListModel> PrepareListModelAsync()
    {
        var segments = await _segmentService.GetSegmentsAsync();
        var state = await _settingService.LoadSettingAsync<PersonalizationInsightsState>();
        var sizes = StatusModelFactory.SegmentSizes(state.SegmentSizes).ToLookup(size => size.SegmentId);
        var stores = (await _shopNames.StoresAsync()).ToDictionary(store => store.Id, store => store.Name);

        var model = new SegmentListModel
        {
            RefreshedOnUtc = state.RefreshedOnUtc,
            NextRefreshOnUtc = state.NextRefreshOnUtc,
            MissingBuiltIns = SegmentService.MissingBuiltIns(segments.Select(segment => segment.Name)).Select(template => template.Name).ToList()
        };

        foreach (var segment in segments)
        {
            var parsed = SegmentRule.TryParse(segment.RuleDefinition ?? string.Empty, out var rule, out _);
            model.Segments.Add(new SegmentRowModel
            {
                Id = segment.Id,
                Name = segment.Name,
                Rule = parsed ? rule.ToString() : segment.RuleDefinition,
                RuleInvalid = !parsed,
                Enabled = segment.Enabled,
                DisplayOrder = segment.DisplayOrder,
                Sizes = sizes[segment.Id]
                    .OrderBy(size => size.StoreId)
                    .Select(size => new SegmentStoreSizeModel(size.StoreId,
                        stores.TryGetValue(size.StoreId, out var storeName) && !string.IsNullOrEmpty(storeName) ? storeName : $"#{size.StoreId}",
                        size.Members, size.Warning))
                    .ToList()
            });
        }

        return model;
    }

    /// <summary>
    /// An empty form for a new segment, placed after the existing ones.
    /// </summary>
    public virtual async Task<SegmentModel> PrepareNewFormModelAsync()
    {
        var segments = await _segmentService.GetSegmentsAsync();
        var model = new SegmentModel
        {
            Enabled = true,
            DisplayOrder = segments.Count == 0 ? 0 : segments.Max(segment => segment.DisplayOrder) + 1
        };

        return await PrepareFormModelAsync(model);
    }

    /// <summary>
    /// Adds what the form shows beside the fields: where the rule stops parsing and when sizes are counted next.
    /// </summary>
    public virtual async Task<SegmentModel> PrepareFormModelAsync(SegmentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        model.RuleErrorPosition = SegmentModelValidator.ErrorPosition(model.Rule);
        model.NextRefreshOnUtc = (await _settingService.LoadSettingAsync<PersonalizationInsightsState>()).NextRefreshOnUtc;

        return model;
    }

    public static SegmentModel ToModel(PersonalizationSegment segment) => new()
    {
        Id = segment.Id,
        Name = segment.Name,
        Rule = segment.RuleDefinition,
        Enabled = segment.Enabled,
        DisplayOrder = segment.DisplayOrder
    };

    /// <summary>
    /// Copies a validated form onto the entity: the name trimmed, the rule in canonical form. The customer role is
    /// left as it is (no sync is offered yet).
    /// </summary>
    public static void Apply(SegmentModel model, PersonalizationSegment segment)
    {
        segment.Name = SegmentNames.Normalize(model.Name);
        segment.RuleDefinition = SegmentModelValidator.CanonicalRule(model.Rule);
        segment.Enabled = model.Enabled;
        segment.DisplayOrder = model.DisplayOrder;
    }
}

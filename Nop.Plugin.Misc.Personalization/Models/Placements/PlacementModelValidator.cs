using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.Services.Placements;

namespace Nop.Plugin.Misc.Personalization.Models.Placements;

/// <summary>
/// Checks a placement form before anything is saved. Returns resource keys with arguments so messages stay localisable.
/// </summary>
public static partial class PlacementModelValidator
{
    public const int MIN_COUNT = 1;
    public const int MAX_COUNT = 24;
    public const int MAX_TITLE_LENGTH = 200;

    public sealed record Error(string Property, string ResourceKey, object[] Arguments);

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex ZonePattern();

    /// <param name="segmentIds">The ids of the segments that exist (enabled or not).</param>
    public static IReadOnlyList<Error> Validate(PlacementModel model, IReadOnlyCollection<int> segmentIds)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(segmentIds);
        var errors = new List<Error>();

        var strategy = ParseStrategy(model.Strategy);
        if (strategy is null)
            errors.Add(new Error(nameof(model.Strategy), "Plugins.Misc.Personalization.Placements.Validation.Strategy", []));

        var zone = model.EffectiveWidgetZone;
        var zoneField = model.EffectiveWidgetZoneField;
        if (string.IsNullOrEmpty(zone))
            errors.Add(new Error(zoneField, "Plugins.Misc.Personalization.Placements.Validation.ZoneRequired", []));
        else if (zone.Length > PlacementZones.MAX_ZONE_LENGTH)
            errors.Add(new Error(zoneField, "Plugins.Misc.Personalization.Placements.Validation.ZoneLength", [PlacementZones.MAX_ZONE_LENGTH]));
        else if (!ZonePattern().IsMatch(zone))
            errors.Add(new Error(zoneField, "Plugins.Misc.Personalization.Placements.Validation.ZoneCharacters", []));
        else if (PlacementZones.IsReserved(zone))
            errors.Add(new Error(zoneField, "Plugins.Misc.Personalization.Placements.Validation.ZoneReserved", [zone]));
        else if (strategy is { } chosen && !PlacementZones.Fits(chosen, zone))
            errors.Add(new Error(zoneField, "Plugins.Misc.Personalization.Placements.Validation.ZoneMismatch",
                [StrategyResourceKey(chosen), PageResourceKey(PlacementZones.RequiredPage(chosen)!.Value), zone]));

        if (model.Count < MIN_COUNT || model.Count > MAX_COUNT)
            errors.Add(new Error(nameof(model.Count), "Plugins.Misc.Personalization.Validation.Range",
                [FieldResourceKey(nameof(model.Count)), MIN_COUNT, MAX_COUNT]));

        if (model.ReservedHeight < 0 || model.ReservedHeight > PersonalizationDefaults.MaxReservedHeight)
            errors.Add(new Error(nameof(model.ReservedHeight), "Plugins.Misc.Personalization.Validation.Range",
                [FieldResourceKey(nameof(model.ReservedHeight)), 0, PersonalizationDefaults.MaxReservedHeight]));

        if (model.Title?.Length > MAX_TITLE_LENGTH)
            errors.Add(new Error(nameof(model.Title), "Plugins.Misc.Personalization.Placements.Validation.TitleLength", [MAX_TITLE_LENGTH]));

        for (var index = 0; index < (model.Locales?.Count ?? 0); index++)
        {
            if (model.Locales[index]?.Title?.Length > MAX_TITLE_LENGTH)
                errors.Add(new Error($"{nameof(model.Locales)}[{index}].{nameof(PlacementLocalizedModel.Title)}",
                    "Plugins.Misc.Personalization.Placements.Validation.TitleLength", [MAX_TITLE_LENGTH]));
        }

        //0 = everyone; any other id must name a segment, or the placement would silently show to nobody
        if (model.SegmentId != 0 && !segmentIds.Contains(model.SegmentId))
            errors.Add(new Error(nameof(model.SegmentId), "Plugins.Misc.Personalization.Placements.Validation.SegmentUnknown", [model.SegmentId]));

        return errors;
    }

    /// <summary>
    /// A strategy by its stored name only (numbers and other spellings are refused).
    /// </summary>
    public static PlacementStrategy? ParseStrategy(string name) =>
        Enum.GetNames<PlacementStrategy>().Contains(name, StringComparer.Ordinal) ? Enum.Parse<PlacementStrategy>(name) : null;

    /// <summary>
    /// A contextual strategy in a theme's own zone is allowed but only works if the zone is on the right page.
    /// </summary>
    public static bool NeedsPageCheck(PlacementModel model) =>
        ParseStrategy(model.Strategy) is { } strategy
        && PlacementZones.RequiredPage(strategy) is not null
        && !PlacementZones.IsKnown(model.EffectiveWidgetZone);

    public static string FieldResourceKey(string property) => $"Plugins.Misc.Personalization.Placements.Fields.{property}";

    public static string StrategyResourceKey(PlacementStrategy strategy) => $"Plugins.Misc.Personalization.Placements.Strategy.{strategy}";

    public static string PageResourceKey(PlacementPage page) => $"Plugins.Misc.Personalization.Placements.Page.{page}";
}

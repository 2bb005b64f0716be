namespace Nop.Plugin.Misc.Personalization.Models.Widgets;

/// <summary>
/// The answer to an after-page request: one block per slot asked for, in order; null where nothing shows.
/// </summary>
public sealed record AfterPageModel(IReadOnlyList<PlacementBlockModel> Blocks);

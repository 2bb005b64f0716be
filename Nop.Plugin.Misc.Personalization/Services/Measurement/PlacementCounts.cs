namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// What one placement's counters add up to over a period: renders that showed products (and how many), renders hidden
/// for too few products, and renders of its widget zone whatever it showed.
/// </summary>
public sealed record PlacementCounts(int Renders, long ProductsShown, int HiddenRenders, int ZoneRenders);

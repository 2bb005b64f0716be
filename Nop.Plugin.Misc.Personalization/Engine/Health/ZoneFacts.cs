namespace Nop.Plugin.Misc.Personalization.Engine.Health;

/// <summary>
/// One widget zone with active placements, and what its placements' counters say about the last day: renders of the
/// zone, renders that showed products, renders hidden for too few products.
/// </summary>
public sealed record ZoneFacts(string Zone, int Placements, long ZoneRenders, long ShownRenders, long HiddenRenders);

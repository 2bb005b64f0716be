namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// How strongly a customer leans towards one category, manufacturer or price band.
/// </summary>
/// <param name="Score">Share of the customer's decayed, type-weighted activity that touched the target, in [0, 1].</param>
public readonly record struct Affinity(AffinityKind Kind, int Id, double Score);

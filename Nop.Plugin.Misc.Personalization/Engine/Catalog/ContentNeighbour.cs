namespace Nop.Plugin.Misc.Personalization.Engine.Catalog;

/// <param name="Score">Cosine of the two products' rarity-weighted features, in [0, 1].</param>
/// <param name="SharedAttributes">Specification options, tags and attribute values the two share (0: only category, brand or price band).</param>
public readonly record struct ContentNeighbour(int ProductId, double Score, int SharedAttributes);

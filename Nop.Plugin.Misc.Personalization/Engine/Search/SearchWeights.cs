namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>
/// How much each signal lifts a result's text relevance: score = relevance × (1 + Affinity·a + Query·q + Trending·t),
/// every signal in [0, 1]. All zero is plain text relevance.
/// </summary>
public sealed record SearchWeights(double Affinity, double Query, double Trending)
{
    /// <summary>The starting point before a shop has held-out searches to choose from.</summary>
    public static SearchWeights Default { get; } = new(1.0, 2.0, 0.5);

    public static SearchWeights TextOnly { get; } = new(0, 0, 0);
}

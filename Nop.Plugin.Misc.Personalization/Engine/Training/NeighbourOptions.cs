namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>How one item-item model counts and normalises co-occurrence.</summary>
public sealed record NeighbourOptions
{
    public SimilarityMeasure Measure { get; init; } = SimilarityMeasure.Cosine;

    /// <summary>A pair must co-occur in at least this many groups (customers, orders, sequences).</summary>
    public int MinSupport { get; init; } = 2;

    /// <summary>
    /// Each group adds 1 / size^exponent to the pairs it contains, so a customer who bought a thousand products says less
    /// about any one pair than a customer who bought five (0 = plain counts, 1 = random-walk weighting).
    /// </summary>
    public double GroupSizeExponent { get; init; }

    /// <summary>Half-life of a group's weight by its age (recent orders say more about today's assortment); 0 = no decay.</summary>
    public double HalfLifeDays { get; init; }

    /// <summary>
    /// Groups whose weight (after size and age discounting) is below this are left out of pair counting; they would add
    /// almost nothing, and with a short half-life most old groups fall below it. They still count as item support.
    /// </summary>
    public double MinGroupWeight { get; init; } = 1e-3;

    /// <summary>For <see cref="SimilarityMeasure.Asymmetric"/>: score = c / (n(i)^source x n(j)^target).</summary>
    public double SourceExponent { get; init; } = 0.5;

    /// <summary>For <see cref="SimilarityMeasure.Asymmetric"/>: larger values penalise popular neighbours more.</summary>
    public double TargetExponent { get; init; } = 0.5;
}

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// How a co-occurrence count c(i,j) is turned into a neighbour score, given the supports n(i), n(j) and the number of
/// groups N (customers or orders). Stored as a byte in snapshots, so values never change meaning.
/// </summary>
public enum SimilarityMeasure : byte
{
    /// <summary>c(i,j): favours popular neighbours.</summary>
    Count = 0,

    /// <summary>c / (n(i) + n(j) - c).</summary>
    Jaccard = 1,

    /// <summary>c / sqrt(n(i) n(j)).</summary>
    Cosine = 2,

    /// <summary>c N / (n(i) n(j)): how much more often than chance; strongest popularity correction.</summary>
    Lift = 3,

    /// <summary>c / n(i) = P(j | i).</summary>
    Conditional = 4,

    /// <summary>c / (n(i)^a n(j)^b) with the exponents of <see cref="NeighbourOptions"/>; a = b = 0.5 is cosine.</summary>
    Asymmetric = 5
}

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// <see cref="SimilarityMath"/> with the per-item powers precomputed, so scoring a candidate pair in the inner loop is a
/// multiply and a divide instead of two Math.Pow calls.
/// </summary>
internal sealed class PairScorer
{
    private readonly NeighbourOptions _options;
    private readonly double[] _source;
    private readonly double[] _target;
    private readonly int[] _support;
    private readonly double _groups;

    public PairScorer(NeighbourOptions options, int[] support, double groups)
    {
        _options = options;
        _support = support;
        _groups = groups;
        var (sourceExponent, targetExponent) = options.Measure switch
        {
            SimilarityMeasure.Cosine => (0.5, 0.5),
            SimilarityMeasure.Asymmetric => (options.SourceExponent, options.TargetExponent),
            _ => (0.0, 0.0)
        };
        _source = new double[support.Length];
        _target = new double[support.Length];
        for (var i = 0; i < support.Length; i++)
        {
            _source[i] = Math.Pow(support[i], sourceExponent);
            _target[i] = Math.Pow(support[i], targetExponent);
        }
    }

    /// <summary>Score(i, j) == Score(j, i) bit for bit, so a pair needs scoring once.</summary>
    public bool IsSymmetric => _options.Measure switch
    {
        SimilarityMeasure.Count or SimilarityMeasure.Jaccard or SimilarityMeasure.Cosine or SimilarityMeasure.Lift => true,
        SimilarityMeasure.Asymmetric => _options.SourceExponent == _options.TargetExponent,
        _ => false
    };

    public double Score(int i, int j, double together)
    {
        switch (_options.Measure)
        {
            case SimilarityMeasure.Cosine:
            case SimilarityMeasure.Asymmetric:
                return together / (_source[i] * _target[j]);
            default:
                return SimilarityMath.Score(_options, together, _support[i], _support[j], _groups);
        }
    }
}

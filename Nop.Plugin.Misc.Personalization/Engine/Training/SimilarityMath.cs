namespace Nop.Plugin.Misc.Personalization.Engine.Training;

public static class SimilarityMath
{
    public static double Score(NeighbourOptions options, double together, double supportI, double supportJ, double groups)
    {
        if (together <= 0 || supportI <= 0 || supportJ <= 0)
            return 0;
        switch (options.Measure)
        {
            case SimilarityMeasure.Count:
                return together;
            case SimilarityMeasure.Jaccard:
                return together / (supportI + supportJ - together);
            case SimilarityMeasure.Cosine:
                return together / Math.Sqrt(supportI * supportJ);
            case SimilarityMeasure.Lift:
                return together * groups / (supportI * supportJ);
            case SimilarityMeasure.Conditional:
                return together / supportI;
            case SimilarityMeasure.Asymmetric:
                return together / (Math.Pow(supportI, options.SourceExponent) * Math.Pow(supportJ, options.TargetExponent));
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Measure, null);
        }
    }
}

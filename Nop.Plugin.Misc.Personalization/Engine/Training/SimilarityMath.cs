namespace Nop.Plugin.Misc.Personalization.Engine.Training;

public static class SimilarityMath
{
    public static double Score(SimilarityMeasure measure, double together, double supportI, double supportJ, double groups)
    {
        if (together <= 0 || supportI <= 0 || supportJ <= 0)
            return 0;
        switch (measure)
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
            default:
                throw new ArgumentOutOfRangeException(nameof(measure), measure, null);
        }
    }
}

namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// Robust summaries of small samples (gaps between purchases).
/// </summary>
public static class Statistics
{
    public static double Median(IReadOnlyList<double> values)
    {
        return Quantile(values, 0.5);
    }

    /// <summary>
    /// Quantile with linear interpolation between order statistics (the common "type 7" definition):
    /// the median of {1, 2, 3, 4} is 2.5, its quartiles 1.75 and 3.25.
    /// </summary>
    public static double Quantile(IReadOnlyList<double> values, double probability)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("A quantile needs at least one value.", nameof(values));

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return QuantileOfSorted(sorted, probability);
    }

    public static double QuantileOfSorted(double[] sorted, double probability)
    {
        var position = (sorted.Length - 1) * Math.Clamp(probability, 0, 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /// <summary>
    /// Median absolute deviation from the median (unscaled).
    /// </summary>
    public static double MedianAbsoluteDeviation(IReadOnlyList<double> values)
    {
        var median = Median(values);
        return Median(values.Select(value => Math.Abs(value - median)).ToArray());
    }
}

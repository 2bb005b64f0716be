namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// RFM quintiles over a store's ordering customers.
/// </summary>
public static class RfmScoring
{
    public const int LEVELS = 5;

    /// <summary>
    /// Scores each value 1..5 by the share of the other values that are strictly worse:
    /// score = 1 + floor(5 × worse / n). Equal values always get the same score (ties never split on an arbitrary
    /// order), so heavily tied measures (many one-order customers) use fewer levels rather than random ones.
    /// </summary>
    /// <param name="higherIsBetter">False for recency in days, where fewer days score higher.</param>
    public static byte[] Quintiles(IReadOnlyList<double> values, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(values);

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var scores = new byte[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var worse = higherIsBetter
                ? CountBelow(sorted, values[i])
                : sorted.Length - CountAtOrBelow(sorted, values[i]);
            scores[i] = (byte)(1 + LEVELS * (long)worse / sorted.Length);
        }

        return scores;
    }

    private static int CountBelow(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < value)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }

    private static int CountAtOrBelow(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] <= value)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }
}

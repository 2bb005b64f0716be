namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>Every product's seasonal index for the season starting in one ISO week, worked out once for that week.</summary>
internal sealed class SeasonFactors
{
    public SeasonFactors(int weekKey, float[] index, float[] weighted, float[] expected, int[] inSeason)
    {
        Expected = expected;
        WeekKey = weekKey;
        Index = index;
        Weighted = weighted;
        InSeason = inSeason;
    }

    /// <summary>ISO year x 100 + ISO week the season starts in.</summary>
    public int WeekKey { get; }

    /// <summary>Per catalog index: the index over the season's weeks (clamped).</summary>
    public float[] Index { get; }

    /// <summary>Per catalog index: the index ^ the seasonal weight, the factor scores are multiplied by.</summary>
    public float[] Weighted { get; }

    /// <summary>
    /// Per catalog index, for products in season: their usual weekly weight x index, over the largest such value (so
    /// 1 = what is expected to sell most this season); 0 for products out of season.
    /// </summary>
    public float[] Expected { get; }

    /// <summary>Catalog indices whose index reaches the in-season threshold, most expected first.</summary>
    public int[] InSeason { get; }
}

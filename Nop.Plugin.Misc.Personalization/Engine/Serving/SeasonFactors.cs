namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>Every product's seasonal index for the season starting in one ISO week, worked out once for that week.</summary>
internal sealed class SeasonFactors
{
    public SeasonFactors(int weekKey, float[] index, float[] weighted, int[] inSeason)
    {
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

    /// <summary>Catalog indices whose index reaches the in-season threshold.</summary>
    public int[] InSeason { get; }
}

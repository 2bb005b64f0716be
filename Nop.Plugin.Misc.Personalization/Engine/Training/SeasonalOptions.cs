namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>How the week-of-year seasonal index is learned.</summary>
public sealed record SeasonalOptions
{
    /// <summary>No index (every factor neutral) until the events span this many days: a season needs a year to be told from a trend.</summary>
    public double MinHistoryDays { get; init; } = 364;

    /// <summary>
    /// A product's own weekly profile counts n / (n + this) against its categories' (n = its weighted events), so a
    /// product with little data follows its category; products below a quarter of it keep no row of their own. A week's
    /// weight is noisy: at 500 (about ten weighted events a week) a product's own profile gets half the say.
    /// </summary>
    public double Shrinkage { get; init; } = 500;

    /// <summary>
    /// Events of the last this-many days are left out of the index: what sells this month is trending, not a season,
    /// and a season is learned from the same weeks of an earlier year.
    /// </summary>
    public double RecentDaysExcluded { get; init; } = 28;
}

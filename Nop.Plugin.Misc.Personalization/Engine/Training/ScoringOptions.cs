namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>How "for you" blends its signals; stored in the snapshot.</summary>
public sealed record ScoringOptions
{
    /// <summary>Half-life of a customer's history (affinity to what they looked at or bought).</summary>
    public double HistoryHalfLifeDays { get; init; } = 60;

    /// <summary>Events at most this old count as the current session and get <see cref="SessionBoost"/>.</summary>
    public double SessionMinutes { get; init; } = 30;

    public double SessionBoost { get; init; } = 3;

    public double SimilarWeight { get; init; } = 1;

    public double BoughtTogetherWeight { get; init; } = 1;

    public double SequentialWeight { get; init; } = 0.5;

    /// <summary>Weight of the trending prior (trending / store maximum).</summary>
    public double PopularityWeight { get; init; } = 0.05;

    /// <summary>Weight of repeat-purchase propensity for products the customer already bought.</summary>
    public double RepeatWeight { get; init; } = 1;

    /// <summary>Half-life applied to past purchases of a product in the repeat signal.</summary>
    public double RepeatHalfLifeDays { get; init; } = 90;

    /// <summary>Extra repeat weight for products the model considers replenishable.</summary>
    public double ReplenishableBoost { get; init; } = 0.5;

    /// <summary>Extra repeat weight when the product's usual reorder interval has elapsed ("due").</summary>
    public double DueBoost { get; init; } = 0;

    /// <summary>
    /// Every candidate's score is multiplied by (floor + trending / max trending)^exponent, so products nobody buys any
    /// more (often discontinued) sink; 0 turns it off.
    /// </summary>
    public double ActivityExponent { get; init; }

    public double ActivityFloor { get; init; } = 0.01;

    /// <summary>
    /// Candidates are also multiplied by momentum^exponent, momentum = short-term over long-term trending (each relative
    /// to its maximum), so products on the rise (seasonal, new) move up; 0 turns it off.
    /// </summary>
    public double MomentumExponent { get; init; }

    /// <summary>
    /// Repeat propensity = decayed purchases of the product / (decayed purchases of all products)^exponent: 1 = the
    /// product's share of the customer's buying, 0 = the raw decayed count (frequent buyers' repeats weigh more).
    /// </summary>
    public double RepeatShareExponent { get; init; } = 1;

    /// <summary>
    /// Half-life of a past purchase counted in the customer's own later orders (a weekly buyer forgets faster than a
    /// yearly one); 0 = off.
    /// </summary>
    public double RepeatOrderHalfLife { get; init; }

    /// <summary>Repeat propensity is multiplied by 1 + boost x 2^(-days since last purchase / <see cref="RepeatRecencyHalfLifeDays"/>).</summary>
    public double RepeatRecencyBoost { get; init; }

    public double RepeatRecencyHalfLifeDays { get; init; } = 30;

    /// <summary>Each past purchase counts quantity^exponent times in the repeat signal (0 = each order line counts once).</summary>
    public double RepeatQuantityExponent { get; init; }

    /// <summary>Repeat propensity is multiplied by (product repeat rate + 0.02)^exponent; 0 turns it off.</summary>
    public double RepeatRateExponent { get; init; }

    /// <summary>Only the customer's strongest products (by decayed affinity) spread to neighbours; bounds the work of long histories. 0 = all.</summary>
    public int MaxSpreadProducts { get; init; } = 64;

    /// <summary>Exponent on each history product's affinity before it spreads to neighbours (1 = linear).</summary>
    public double AffinityExponent { get; init; } = 1;

    /// <summary>
    /// "This season last year": with a seasonal index (a year of history), candidates in personal scoring and trending
    /// are multiplied by the product's index over <see cref="SeasonWeeks"/>^weight, and a product the customer bought in
    /// those weeks a year ago gets its repeat propensity multiplied by 1 + weight; 0 turns it off. Fixed, not tuned:
    /// no validation window has a year before it on the data the tuning uses.
    /// </summary>
    public double SeasonalWeight { get; init; } = 0.5;

    /// <summary>How many ISO weeks from now on "this season" covers (the current one included).</summary>
    public int SeasonWeeks { get; init; } = 2;

    /// <summary>A product is "back this season" when its index over <see cref="SeasonWeeks"/> is at least this.</summary>
    /// <remarks>Twice the usual week: a product's own weekly profile is noisy, and on the synthetic funnel 1.5 let
    /// a few all-year products through by chance.</remarks>
    public double InSeasonIndex { get; init; } = 2;
}

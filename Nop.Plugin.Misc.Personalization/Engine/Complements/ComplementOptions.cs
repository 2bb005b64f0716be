namespace Nop.Plugin.Misc.Personalization.Engine.Complements;

/// <summary>
/// How timed complements are predicted from the sequential table. Fixed before measuring (docs/benchmarks.md §1), not
/// tuned on any test period.
/// </summary>
public sealed record ComplementOptions
{
    /// <summary>Predictions kept per customer, strongest first.</summary>
    public int MaxPerCustomer { get; init; } = 4;

    /// <summary>
    /// The window after the anchor purchase is this many median lags long: with the median, half of the buyers who
    /// follow A with B have done so; twice it covers most of the rest without waiting for stragglers.
    /// </summary>
    public double WindowLagMultiple { get; init; } = 2;

    /// <summary>A window is at least this long, so a same-week follow-up is not over before anyone could act on it.</summary>
    public double MinWindowDays { get; init; } = 7;

    /// <summary>
    /// A window is at most this long: the sequential table counts B only within its training window (60 days by
    /// default), so nothing is known about later purchases.
    /// </summary>
    public double MaxWindowDays { get; init; } = 60;
}

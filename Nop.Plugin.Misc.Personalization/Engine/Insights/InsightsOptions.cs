using Nop.Plugin.Misc.Personalization.Engine.Complements;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Replenishment;
using Nop.Plugin.Misc.Personalization.Engine.Segments;

using Nop.Plugin.Misc.Personalization.Engine.Lifetime;

namespace Nop.Plugin.Misc.Personalization.Engine.Insights;

/// <summary>
/// Which customers get a stored profile and which replenishment predictions are kept.
/// </summary>
public sealed class InsightsOptions
{
    public ProfileOptions Profiles { get; init; } = new();

    public ReplenishmentOptions Replenishment { get; init; } = new();

    public SegmentOptions Segments { get; init; } = new();

    public ComplementOptions Complements { get; init; } = new();

    public LifetimeOptions Lifetime { get; init; } = new();

    /// <summary>
    /// A customer who never ordered gets a profile only with this many interactions: one or two views say too little
    /// to be worth a row per visitor.
    /// </summary>
    public int MinInteractionsWithoutOrder { get; init; } = 3;

    /// <summary>
    /// Predictions due up to this many days ahead are kept (and those a little overdue, see
    /// <see cref="ReplenishmentOptions.WindowTolerance"/>); later ones are predicted again by a later run.
    /// </summary>
    public double PredictionHorizonDays { get; init; } = 60;
}

using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// One customer's reminder: the predictions it carries, best first.
/// </summary>
public sealed record ReplenishmentReminder(int CustomerId, IReadOnlyList<PersonalizationPrediction> Predictions)
{
    public decimal BestScore => Predictions[0].Score;
}

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Rows tied to customers: events to anonymise, profiles and predictions to delete.
/// </summary>
public readonly record struct IdentifiedDataCounts(int Events, int Profiles, int Predictions)
{
    public int Total => Events + Profiles + Predictions;

    public static IdentifiedDataCounts operator +(IdentifiedDataCounts a, IdentifiedDataCounts b) =>
        new(a.Events + b.Events, a.Profiles + b.Profiles, a.Predictions + b.Predictions);
}

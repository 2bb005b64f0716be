namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// What one training run did: trained (with its figures), skipped (with the reason) or failed (with the exception).
/// </summary>
public sealed record TrainingResult(bool Trained, int Interactions, int Products, IReadOnlyDictionary<int, int> VersionByStore, TimeSpan Duration, string SkippedBecause = null)
{
    public Exception Failure { get; init; }

    /// <summary>The training profile the models were trained with.</summary>
    public string Profile { get; init; }

    /// <summary>Whether this run also stored customer profiles, segments and predictions (daily).</summary>
    public bool InsightsRefreshed { get; init; }

    /// <summary>Whether the memory guard left older events out of this run.</summary>
    public bool Capped { get; init; }

    public static TrainingResult Skipped(string because) => new(false, 0, 0, new Dictionary<int, int>(), TimeSpan.Zero, because);

    public static TrainingResult Failed(Exception failure) => new(false, 0, 0, new Dictionary<int, int>(), TimeSpan.Zero) { Failure = failure };
}

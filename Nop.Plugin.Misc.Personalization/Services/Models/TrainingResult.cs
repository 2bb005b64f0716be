namespace Nop.Plugin.Misc.Personalization.Services.Models;

public sealed record TrainingResult(bool Trained, int Interactions, int Products, IReadOnlyDictionary<int, int> VersionByStore, TimeSpan Duration, string SkippedBecause = null);

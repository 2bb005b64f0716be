namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Turns the memory an owner gives training (megabytes) into the number of events a run may read. A run holds its
/// events once and builds models, then profiles, segments and predictions from them; measured at 10 million synthetic
/// events the whole run peaked at about 163 bytes per event (docs/benchmarks.md, "Daily customer insights"). The guard
/// counts 200, leaving room for the catalogue and the process around it.
/// </summary>
public static class TrainingMemoryGuard
{
    public const int BYTES_PER_EVENT = 200;

    public const int DEFAULT_MEGABYTES = 1_000;

    /// <param name="megabytes">The guard; 0 or less means the default.</param>
    public static int MaxEvents(int megabytes)
    {
        var budget = (long)(megabytes > 0 ? megabytes : DEFAULT_MEGABYTES) * 1024 * 1024;

        return (int)Math.Min(int.MaxValue, budget / BYTES_PER_EVENT);
    }
}

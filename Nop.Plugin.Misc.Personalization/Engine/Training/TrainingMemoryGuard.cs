namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Turns the memory an owner gives training (megabytes) into the number of events a run may read. A run holds its
/// events once, trains every store's models from them, then builds profiles, segments and predictions. Measured on the
/// synthetic funnel (100,000 products, 200,000 customers; docs/benchmarks.md §5, "The hourly run under the memory
/// guard") a run took about 220 MB plus 167 bytes per event; the guard reserves 250 MB and counts 200 bytes per event,
/// which leaves room for a copy of the identified events when some are anonymous.
/// </summary>
public static class TrainingMemoryGuard
{
    public const int BYTES_PER_EVENT = 200;

    public const int RESERVED_MEGABYTES = 250;

    public const int DEFAULT_MEGABYTES = 1_000;

    /// <param name="megabytes">The guard; 0 or less means the default.</param>
    public static int MaxEvents(int megabytes)
    {
        var guard = megabytes > 0 ? megabytes : DEFAULT_MEGABYTES;
        //a guard below the reservation still lets a quarter of itself hold events
        var forEvents = (long)Math.Max(guard - RESERVED_MEGABYTES, guard / 4) * 1024 * 1024;

        return (int)Math.Min(int.MaxValue, forEvents / BYTES_PER_EVENT);
    }
}

namespace Nop.Plugin.Misc.Personalization.Services.Progress;

/// <summary>
/// The work an owner starts from the configuration page and may wait for.
/// </summary>
public enum LongWork
{
    Backfill = 1,
    Training = 2
}

namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// At most one plugin e-mail per customer per <see cref="Interval"/>, whichever kind it is; a zero interval lifts the cap.
/// </summary>
public sealed record FrequencyCap(TimeSpan Interval)
{
    /// <summary>E-mails sent after this moment hold the next one back.</summary>
    public DateTime Cutoff(DateTime nowUtc) => nowUtc - Interval;

    public bool Allows(DateTime? lastEmailUtc, DateTime nowUtc) =>
        Interval <= TimeSpan.Zero || lastEmailUtc == null || lastEmailUtc.Value <= Cutoff(nowUtc);
}

namespace Nop.Plugin.Misc.Personalization.Engine.Progress;

/// <summary>
/// How far a piece of long work is and how long the rest should take, assuming the rest goes at the pace so far.
/// </summary>
/// <param name="Percent">0–100, whole percent, rounded down so 100 means finished.</param>
/// <param name="Remaining">Null until there is a pace to go by (nothing done in this run yet) or when the total is unknown.</param>
public sealed record ProgressEstimate(int Percent, TimeSpan? Remaining)
{
    /// <param name="doneAtStart">What was already done when this run started (a resumed backfill): the pace counts only
    /// what this run did in <paramref name="elapsed"/>.</param>
    public static ProgressEstimate Of(long done, long total, TimeSpan elapsed, long doneAtStart = 0)
    {
        if (total <= 0)
            return new ProgressEstimate(0, null);

        var clamped = Math.Clamp(done, 0, total);
        var percent = (int)(clamped * 100 / total);
        var doneThisRun = clamped - Math.Clamp(doneAtStart, 0, clamped);
        if (doneThisRun == 0 || elapsed <= TimeSpan.Zero)
            return new ProgressEstimate(percent, clamped == total ? TimeSpan.Zero : null);

        var remaining = TimeSpan.FromTicks((long)(elapsed.Ticks * (double)(total - clamped) / doneThisRun));
        return new ProgressEstimate(percent, remaining);
    }
}

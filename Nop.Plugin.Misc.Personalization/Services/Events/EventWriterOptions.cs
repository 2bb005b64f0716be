namespace Nop.Plugin.Misc.Personalization.Services.Events;

public sealed record EventWriterOptions
{
    public int MaxBatchSize { get; init; } = 2_000;

    /// <summary>
    /// How long the writer lets events gather after the first one arrives: a shop's trickle of page views and
    /// impressions becomes one insert per interval instead of one per page (measured in docs/benchmarks.md §9: the
    /// per-page inserts were about a sixth of what the placements cost the shop's two cores). Live activity serves the
    /// newest events from memory meanwhile.
    /// </summary>
    public TimeSpan BatchLinger { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After this many failures of the same batch, and only while the database answers, it is written in halves to
    /// find the rows the database refuses.
    /// </summary>
    public int IsolateAfterFailures { get; init; } = 2;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// While the database keeps failing, at most one log entry per interval.
    /// </summary>
    public TimeSpan FailureLogInterval { get; init; } = TimeSpan.FromMinutes(5);
}

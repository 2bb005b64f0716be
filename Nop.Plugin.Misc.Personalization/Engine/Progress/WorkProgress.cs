namespace Nop.Plugin.Misc.Personalization.Engine.Progress;

/// <summary>
/// Where one piece of long work stands: a run in progress (done of total steps, the current stage) or the outcome of
/// the last run. Immutable: the board swaps in a new one on every step.
/// </summary>
/// <param name="Stage">What the work is doing now, a short code the admin page translates (e.g. "ReadEvents").</param>
/// <param name="DoneAtStart">Steps already done when this run started (a resumed backfill), left out of the pace.</param>
/// <param name="OutcomeKey">When finished: a resource key of a sentence for the owner, filled with
/// <paramref name="OutcomeArguments"/> (counts and durations, never personal data).</param>
public sealed record WorkProgress(WorkState State, long Done, long Total, string Stage, long DoneAtStart, DateTime StartedOnUtc,
    DateTime? FinishedOnUtc, string OutcomeKey, IReadOnlyList<string> OutcomeArguments)
{
    public static readonly WorkProgress None = new(WorkState.NotStarted, 0, 0, null, 0, DateTime.MinValue, null, null, []);

    public bool IsRunning => State == WorkState.Running;

    public static WorkProgress Start(long doneAtStart, long total, string stage, DateTime nowUtc) =>
        new(WorkState.Running, Math.Max(0, doneAtStart), Math.Max(0, total), stage, Math.Max(0, doneAtStart), nowUtc, null, null, []);

    public WorkProgress Step(long done, long total, string stage) =>
        this with { Done = Math.Max(0, done), Total = Math.Max(0, total), Stage = stage };

    public WorkProgress Finish(bool succeeded, DateTime nowUtc, string outcomeKey, params string[] outcomeArguments) =>
        this with
        {
            State = succeeded ? WorkState.Succeeded : WorkState.Failed,
            Done = succeeded ? Total : Done,
            Stage = null,
            FinishedOnUtc = nowUtc,
            OutcomeKey = outcomeKey,
            OutcomeArguments = outcomeArguments ?? []
        };

    public TimeSpan Elapsed(DateTime nowUtc) => State == WorkState.NotStarted ? TimeSpan.Zero : (FinishedOnUtc ?? nowUtc) - StartedOnUtc;

    public ProgressEstimate Estimate(DateTime nowUtc) => ProgressEstimate.Of(Done, Total, Elapsed(nowUtc), DoneAtStart);
}

using System.Collections.Concurrent;
using Nop.Plugin.Misc.Personalization.Engine.Progress;

namespace Nop.Plugin.Misc.Personalization.Services.Progress;

/// <summary>
/// Where the backfill and training stand on this node, for the configuration page to poll. One per node (a singleton):
/// in a web farm the page shows the work of the node it reaches; the outcome is also in the status card and the log.
/// </summary>
public sealed class LongWorkBoard
{
    private readonly ConcurrentDictionary<LongWork, WorkProgress> _work = new();
    private readonly TimeProvider _timeProvider;

    public LongWorkBoard(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    public WorkProgress Get(LongWork work) => _work.GetValueOrDefault(work, WorkProgress.None);

    /// <summary>
    /// A new run; a run that is already going on (a resumed backfill) keeps its start time and pace.
    /// </summary>
    public void Start(LongWork work, long done, long total, string stage) =>
        _work.AddOrUpdate(work, _ => WorkProgress.Start(done, total, stage, UtcNow),
            (_, current) => current.IsRunning ? current.Step(done, total, stage) : WorkProgress.Start(done, total, stage, UtcNow));

    public void Step(LongWork work, long done, long total, string stage) =>
        _work.AddOrUpdate(work, _ => WorkProgress.Start(done, total, stage, UtcNow), (_, current) => current.Step(done, total, stage));

    public void Finish(LongWork work, bool succeeded, string outcomeKey, params string[] outcomeArguments) =>
        _work.AddOrUpdate(work, _ => WorkProgress.Start(0, 0, null, UtcNow).Finish(succeeded, UtcNow, outcomeKey, outcomeArguments),
            (_, current) => current.Finish(succeeded, UtcNow, outcomeKey, outcomeArguments));
}

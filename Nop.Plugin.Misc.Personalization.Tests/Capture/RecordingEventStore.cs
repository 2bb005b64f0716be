using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Tests.Capture;

/// <summary>
/// An in-memory event store that can be told to fail, to exercise the writer's retry and ordering rules.
/// </summary>
internal sealed class RecordingEventStore : IEventStore
{
    private readonly object _lock = new();

    public List<string> Operations { get; } = [];

    public List<PersonalizationEvent> Stored { get; } = [];

    public int FailInserts { get; set; }

    public int FailMoves { get; set; }

    public bool AlwaysFail { get; set; }

    /// <summary>Rows the database refuses whatever happens (like text PostgreSQL cannot store).</summary>
    public Func<PersonalizationEvent, bool> Refuses { get; set; } = _ => false;

    public TaskCompletionSource FirstFailure { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task InsertAsync(IList<PersonalizationEvent> events)
    {
        lock (_lock)
        {
            if (AlwaysFail || FailInserts-- > 0 || events.Any(Refuses))
                return Fail();

            Stored.AddRange(events);
            Operations.Add($"insert {string.Join(",", events.Select(e => e.ProductId))}");
            return Task.CompletedTask;
        }
    }

    public Task<int> MoveHistoryAsync(int fromCustomerId, int toCustomerId)
    {
        lock (_lock)
        {
            if (AlwaysFail || FailMoves-- > 0)
            {
                FirstFailure.TrySetResult();
                return Task.FromException<int>(new InvalidOperationException("database unavailable"));
            }

            var moved = Stored.Where(e => e.CustomerId == fromCustomerId).ToList();
            moved.ForEach(e => e.CustomerId = toCustomerId);
            Operations.Add($"move {fromCustomerId}->{toCustomerId}");
            return Task.FromResult(moved.Count);
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
                return Stored.Count;
        }
    }

    private Task Fail()
    {
        FirstFailure.TrySetResult();
        return Task.FromException(new InvalidOperationException("database unavailable"));
    }
}

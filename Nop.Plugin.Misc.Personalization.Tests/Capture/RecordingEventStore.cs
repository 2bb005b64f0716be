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

    /// <summary>The database refuses every history move while it answers.</summary>
    public bool RefusesMoves { get; set; }

    public int Probes { get; private set; }

    public int Inserts { get; private set; }

    public TaskCompletionSource FirstFailure { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task InsertAsync(IList<PersonalizationEvent> events)
    {
        lock (_lock)
        {
            Inserts++;
            if (AlwaysFail || FailInserts-- > 0)
                return Fail();
            //like SQL Server on text too long, the error quotes the value it refuses
            var refused = events.FirstOrDefault(Refuses);
            if (refused != null)
                return Task.FromException(new InvalidOperationException($"value refused: customer {refused.CustomerId}, '{refused.Query}'"));

            Stored.AddRange(events);
            Operations.Add($"insert {string.Join(",", events.Select(e => e.ProductId))}");
            return Task.CompletedTask;
        }
    }

    public Task<int> MoveHistoryAsync(int fromCustomerId, int toCustomerId)
    {
        lock (_lock)
        {
            if (AlwaysFail || FailMoves-- > 0 || RefusesMoves)
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

    public Task ForgetCustomerAsync(int customerId)
    {
        lock (_lock)
        {
            if (AlwaysFail)
                return Fail();

            foreach (var e in Stored.Where(e => e.CustomerId == customerId))
            {
                e.CustomerId = 0;
                e.OrderId = 0;
            }
            Operations.Add($"forget {customerId}");
            return Task.CompletedTask;
        }
    }

    public Task<int> RetractOrderAsync(int orderId)
    {
        lock (_lock)
        {
            if (AlwaysFail)
                return Task.FromException<int>(new InvalidOperationException("database unavailable"));

            var retracted = Stored.RemoveAll(e => e.OrderId == orderId && e.EventType == (int)Nop.Plugin.Misc.Personalization.Engine.Interactions.InteractionType.Purchase);
            Operations.Add($"retract {orderId}");
            return Task.FromResult(retracted);
        }
    }

    /// <summary>Unreachable during an outage (every insert fails, or the next failing ones); refusals leave it reachable.</summary>
    public Task<bool> IsReachableAsync()
    {
        lock (_lock)
        {
            Probes++;
            return Task.FromResult(!AlwaysFail && FailInserts <= 0 && FailMoves <= 0);
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

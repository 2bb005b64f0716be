using System.Diagnostics;
using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Serving;

namespace Evaluation;

/// <summary>
/// "For you" right after a model swap: a new recommender (its scratch pool empty) answers many callers at once, each
/// with its own 200-event customer. Reports the latency of every call and the bytes allocated per call, and what the
/// very first call allocated.
/// </summary>
public static class ColdPoolServing
{
    public static void Run(ModelSnapshot snapshot, IReadOnlyList<Interaction[]> customers, int callers, int callsPerCaller)
    {
        var at = customers.SelectMany(c => c).Max(e => e.TimeUtc).AddHours(1);

        var first = new Recommender(snapshot);
        var before = GC.GetAllocatedBytesForCurrentThread();
        first.ForCustomer(customers[0], at, 10);
        var firstCall = GC.GetAllocatedBytesForCurrentThread() - before;

        var recommender = new Recommender(snapshot);
        var latencies = new double[callers][];
        using var start = new Barrier(callers);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var threads = Enumerable.Range(0, callers).Select(caller => new Thread(() =>
        {
            var own = new double[callsPerCaller];
            var history = customers[caller % customers.Count];
            start.SignalAndWait();
            for (var call = 0; call < callsPerCaller; call++)
            {
                var began = Stopwatch.GetTimestamp();
                recommender.ForCustomer(history, at, 10);
                own[call] = Stopwatch.GetElapsedTime(began).TotalMicroseconds;
            }
            latencies[caller] = own;
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var all = latencies.SelectMany(own => own).OrderBy(value => value).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"for-you, cold pool, {callers} callers x {callsPerCaller} calls ({snapshot.Catalog.Count:N0} products): p50 {all[all.Length / 2]:F1} us, p99 {all[(int)(all.Length * 0.99)]:F1} us, max {all[^1]:F0} us; {allocated / (double)all.Length:F0} bytes allocated per call; the first call of a new recommender allocated {firstCall:N0} bytes"));
    }

    /// <summary>Histories of distinct customers with at least <paramref name="length"/> events each, the last ones of each.</summary>
    public static IReadOnlyList<Interaction[]> Customers(IEnumerable<Interaction> events, int count, int length)
    {
        return events.GroupBy(e => e.CustomerId)
            .Where(group => group.Count() >= length)
            .Take(count)
            .Select(group => group.TakeLast(length).Select(e => e with { CustomerId = -1 }).ToArray())
            .ToList();
    }
}

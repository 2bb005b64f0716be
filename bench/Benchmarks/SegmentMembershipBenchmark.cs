using System.Globalization;
using BenchmarkDotNet.Attributes;
using Nop.Plugin.Misc.Personalization.Services.Targeting;

namespace Benchmarks;

/// <summary>
/// Segment memberships of 200,000 profiles in memory: the bytes the loaded set keeps (printed by the setup as
/// "// retained ..."), building it from the stored id lists, and the request-path lookup.
/// "typical": the eight built-in segments (one lifecycle stage each, plus value and price-band segments by chance),
/// so customers share a few dozen lists; "unique": every customer has a list of three ids no one else has.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class SegmentMembershipBenchmark
{
    public const int PROFILES = 200_000;

    private (int StoreId, int CustomerId, string SegmentIds)[] _rows;
    private SegmentMembershipSet _set;
    private int[] _probes;

    [Params("typical", "unique")]
    public string Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rows = Shape == "unique" ? UniqueRows() : TypicalRows();
        _probes = Enumerable.Range(0, 1_024).Select(i => i * 197 % PROFILES + 1).ToArray();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        _set = Build(_rows);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(_set);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// retained ({Shape}): {after - before:N0} bytes for {_set.Customers:N0} customers = {(after - before) / (double)_set.Customers:F1} bytes each, {_set.DistinctCombinations:N0} distinct lists"));
    }

    [Benchmark]
    public SegmentMembershipSet Build200k() => Build(_rows);

    [Benchmark(OperationsPerInvoke = 1_024)]
    public int IsMember()
    {
        var found = 0;
        foreach (var customer in _probes)
        {
            if (_set.IsMember(1, customer, 2))
                found++;
        }

        return found;
    }

    private static SegmentMembershipSet Build((int StoreId, int CustomerId, string SegmentIds)[] rows)
    {
        var builder = new SegmentMembershipBuilder();
        foreach (var (storeId, customerId, segmentIds) in rows)
            builder.Add(storeId, customerId, segmentIds);
        return builder.Build();
    }

    /// <summary>Ids 1-4 lifecycle stages, 5 high value, 6 high value slipping, 7 premium, 8 bargain, as installed.</summary>
    private static (int, int, string)[] TypicalRows()
    {
        var random = new Random(42);
        return Enumerable.Range(1, PROFILES).Select(customer =>
        {
            var ids = new List<int> { random.Next(1, 5) };
            if (random.NextDouble() < 0.2)
            {
                ids.Add(5);
                if (ids[0] >= 3)
                    ids.Add(6);
            }
            var band = random.NextDouble();
            if (band < 0.15)
                ids.Add(7);
            else if (band < 0.30)
                ids.Add(8);
            return (1, customer, string.Join(',', ids));
        }).ToArray();
    }

    private static (int, int, string)[] UniqueRows() =>
        Enumerable.Range(1, PROFILES).Select(customer => (1, customer,
            string.Create(CultureInfo.InvariantCulture, $"{customer},{customer + PROFILES},{customer + 2 * PROFILES}"))).ToArray();
}

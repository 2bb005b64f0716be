using BenchmarkDotNet.Attributes;
using Nop.Plugin.Misc.Personalization.Engine.Snapshots;

namespace Benchmarks;

/// <summary>Loading (checksum + parse) a 100,000-product snapshot from bytes.</summary>
[MemoryDiagnoser]
[InProcess]
public class SnapshotLoadBenchmark
{
    private byte[] _bytes;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = BenchData.Build(1_000_000).Bytes;
        Console.WriteLine($"// snapshot bytes: {_bytes.Length:N0}");
    }

    [Benchmark]
    public int Load()
    {
        return SnapshotSerializer.Deserialize(_bytes).Catalog.Count;
    }
}

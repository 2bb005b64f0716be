using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Engine.Snapshots;

/// <summary>
/// Compact binary snapshot: header (magic "NPRS", format version, payload length, SHA-256 of the payload), then the
/// payload in little-endian arrays. The same snapshot always gives the same bytes.
/// </summary>
public static class SnapshotSerializer
{
    public const ushort FORMAT_VERSION = 1;
    public const int HEADER_SIZE = 4 + 2 + 2 + 8 + 32;
    private static readonly byte[] _magic = { (byte)'N', (byte)'P', (byte)'R', (byte)'S' };

    public static byte[] Serialize(ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
            WritePayload(writer, snapshot);
        var body = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        var result = new byte[HEADER_SIZE + body.Length];
        _magic.CopyTo(result, 0);
        BitConverter.TryWriteBytes(result.AsSpan(4), FORMAT_VERSION);
        BitConverter.TryWriteBytes(result.AsSpan(6), (ushort)0);
        BitConverter.TryWriteBytes(result.AsSpan(8), (long)body.Length);
        SHA256.HashData(body, result.AsSpan(16, 32));
        body.CopyTo(result.AsSpan(HEADER_SIZE));
        return result;
    }

    public static void Write(ModelSnapshot snapshot, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Serialize(snapshot));
    }

    public static ModelSnapshot Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static ModelSnapshot Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HEADER_SIZE || !bytes[..4].SequenceEqual(_magic))
            throw new SnapshotFormatException("Not a personalization model snapshot (bad magic)");
        var version = BitConverter.ToUInt16(bytes[4..]);
        if (version != FORMAT_VERSION)
            throw new SnapshotFormatException($"Snapshot format version {version} is not supported (expected {FORMAT_VERSION})");
        var length = BitConverter.ToInt64(bytes[8..]);
        if (length != bytes.Length - HEADER_SIZE)
            throw new SnapshotFormatException($"Snapshot payload is {bytes.Length - HEADER_SIZE} bytes, header says {length}");
        var body = bytes[HEADER_SIZE..];
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        if (!hash.SequenceEqual(bytes.Slice(16, 32)))
            throw new SnapshotFormatException("Snapshot checksum mismatch (corrupted)");
        try
        {
            var reader = new PayloadReader(body);
            var snapshot = ReadPayload(ref reader);
            if (!reader.AtEnd)
                throw new SnapshotFormatException("Trailing bytes after the snapshot payload");
            return snapshot;
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new SnapshotFormatException("Snapshot payload is malformed: " + e.Message);
        }
    }

    private static void WritePayload(BinaryWriter w, ModelSnapshot s)
    {
        w.Write(s.StoreId);
        w.Write(s.TrainedUtc.Ticks);
        w.Write(s.EventCount);
        WriteArray(w, s.Weights.ToArray());
        WriteArray(w, ScoringCodec.ToArray(s.Scoring));

        var c = s.Catalog;
        WriteArray(w, c.ProductIds);
        WriteArray(w, c.CategoryOffsets);
        WriteArray(w, c.CategoryIds);
        WriteArray(w, c.ManufacturerIds);
        WriteArray(w, c.Prices);
        WriteArray(w, c.Flags);

        WriteTable(w, s.Similar);
        WriteTable(w, s.BoughtTogether);
        WriteTable(w, s.Sequential);

        var p = s.Popularity;
        WriteArray(w, p.Trending);
        WriteArray(w, p.LongTrending);
        WriteArray(w, p.Customers);
        WriteArray(w, p.StoreTop);
        WriteArray(w, p.CategoryIds);
        WriteArray(w, p.CategoryOffsets);
        WriteArray(w, p.CategoryItems);

        WriteArray(w, s.Seasonal.CategoryIds);
        WriteArray(w, s.Seasonal.Values);

        var r = s.Repeat;
        WriteArray(w, r.RepeatRate);
        WriteArray(w, r.MedianIntervalDays);
        WriteArray(w, r.RepeatBuyers);
        WriteArray(w, r.Replenishable.Select(b => b ? (byte)1 : (byte)0).ToArray());

        // appended last: snapshots written before products had seasonal rows end here and still read
        WriteArray(w, s.Seasonal.ProductItems);
        WriteArray(w, s.Seasonal.ProductValues);
        WriteArray(w, s.Seasonal.WeeklyMeans);
    }

    private static ModelSnapshot ReadPayload(ref PayloadReader r)
    {
        var storeId = r.ReadInt32();
        var trained = new DateTime(r.ReadInt64(), DateTimeKind.Utc);
        var eventCount = r.ReadInt64();
        var weights = InteractionWeights.FromArray(r.ReadArray<double>());
        var scoring = ScoringCodec.FromArray(r.ReadArray<double>());

        var productIds = r.ReadArray<int>();
        var n = productIds.Length;
        var categoryOffsets = r.ReadArray<int>();
        var categoryIds = r.ReadArray<int>();
        var manufacturers = r.ReadArray<int>();
        var prices = r.ReadArray<float>();
        var flags = r.ReadArray<byte>();
        Check(categoryOffsets.Length == n + 1 && manufacturers.Length == n && prices.Length == n && flags.Length == n, "catalog sizes");
        CheckOffsets(categoryOffsets, categoryIds.Length);
        var catalog = new ItemCatalog(productIds, categoryOffsets, categoryIds, manufacturers, prices, flags);

        var similar = ReadTable(ref r, n);
        var together = ReadTable(ref r, n);
        var sequential = ReadTable(ref r, n);

        var trending = r.ReadArray<float>();
        var longTrending = r.ReadArray<float>();
        var customers = r.ReadArray<int>();
        var storeTop = r.ReadArray<int>();
        var popularCategories = r.ReadArray<int>();
        var popularOffsets = r.ReadArray<int>();
        var popularItems = r.ReadArray<int>();
        Check(trending.Length == n && longTrending.Length == n && customers.Length == n && popularOffsets.Length == popularCategories.Length + 1, "popularity sizes");
        CheckOffsets(popularOffsets, popularItems.Length);
        CheckIndices(storeTop, n);
        CheckIndices(popularItems, n);
        var popularity = new PopularityModel(trending, longTrending, customers, storeTop, popularCategories, popularOffsets, popularItems);

        var seasonalIds = r.ReadArray<int>();
        var seasonalValues = r.ReadArray<float>();
        Check(seasonalValues.Length == seasonalIds.Length * SeasonalIndex.WEEKS, "seasonal sizes");

        var rate = r.ReadArray<float>();
        var median = r.ReadArray<float>();
        var repeaters = r.ReadArray<int>();
        var replenishable = r.ReadArray<byte>();
        Check(rate.Length == n && median.Length == n && repeaters.Length == n && replenishable.Length == n, "repeat sizes");
        var repeat = new RepeatStats(rate, median, repeaters, replenishable.Select(b => b != 0).ToArray());

        var productItems = r.AtEnd ? Array.Empty<int>() : r.ReadArray<int>();
        var productValues = r.AtEnd ? Array.Empty<float>() : r.ReadArray<float>();
        var weeklyMeans = r.AtEnd ? Array.Empty<float>() : r.ReadArray<float>();
        Check(productValues.Length == productItems.Length * SeasonalIndex.WEEKS, "product seasonal sizes");
        Check(weeklyMeans.Length == 0 || weeklyMeans.Length == n, "seasonal means size");
        CheckIndices(productItems, n);
        var seasonal = seasonalIds.Length == 0 ? SeasonalIndex.Empty : new SeasonalIndex(seasonalIds, seasonalValues, productItems, productValues, weeklyMeans);

        return new ModelSnapshot(storeId, trained, eventCount, weights, scoring, catalog, similar, together, sequential, popularity, seasonal, repeat);
    }

    private static void WriteTable(BinaryWriter w, NeighbourTable table)
    {
        WriteArray(w, table.Offsets);
        WriteArray(w, table.Neighbours);
        WriteArray(w, table.Scores);
        WriteArray(w, table.Support);
        w.Write(table.LagDays != null);
        if (table.LagDays != null)
            WriteArray(w, table.LagDays);
    }

    private static NeighbourTable ReadTable(ref PayloadReader r, int itemCount)
    {
        var offsets = r.ReadArray<int>();
        var neighbours = r.ReadArray<int>();
        var scores = r.ReadArray<float>();
        var support = r.ReadArray<float>();
        var lags = r.ReadBoolean() ? r.ReadArray<float>() : null;
        Check(offsets.Length == itemCount + 1 && scores.Length == neighbours.Length && support.Length == neighbours.Length && (lags == null || lags.Length == neighbours.Length), "neighbour table sizes");
        CheckOffsets(offsets, neighbours.Length);
        CheckIndices(neighbours, itemCount);
        return new NeighbourTable(offsets, neighbours, scores, support, lags);
    }

    private static void WriteArray<T>(BinaryWriter w, T[] values)
        where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Snapshots are written on little-endian machines only");
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
            throw new SnapshotFormatException("Snapshot payload is inconsistent: " + what);
    }

    private static void CheckOffsets(int[] offsets, int total)
    {
        Check(offsets.Length > 0 && offsets[0] == 0 && offsets[^1] == total, "offsets");
        for (var i = 1; i < offsets.Length; i++)
            Check(offsets[i] >= offsets[i - 1], "offsets");
    }

    private static void CheckIndices(int[] indices, int count)
    {
        foreach (var i in indices)
            Check((uint)i < (uint)count, "item index");
    }

    private ref struct PayloadReader
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private int _position;

        public PayloadReader(ReadOnlySpan<byte> bytes)
        {
            _bytes = bytes;
            _position = 0;
        }

        public bool AtEnd => _position == _bytes.Length;

        public int ReadInt32()
        {
            var value = BitConverter.ToInt32(Take(4));
            return value;
        }

        public long ReadInt64()
        {
            return BitConverter.ToInt64(Take(8));
        }

        public bool ReadBoolean()
        {
            return Take(1)[0] != 0;
        }

        public T[] ReadArray<T>()
            where T : unmanaged
        {
            var length = ReadInt32();
            var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            if (length < 0 || (long)length * size > _bytes.Length - _position)
                throw new SnapshotFormatException("Snapshot array length out of range");
            var result = new T[length];
            Take(length * size).CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
            return result;
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _bytes.Length - _position)
                throw new SnapshotFormatException("Snapshot payload is truncated");
            var slice = _bytes.Slice(_position, count);
            _position += count;
            return slice;
        }
    }
}

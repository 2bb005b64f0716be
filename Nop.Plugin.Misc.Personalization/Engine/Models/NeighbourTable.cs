namespace Nop.Plugin.Misc.Personalization.Engine.Models;

/// <summary>
/// Sparse top-K item-item neighbours in compressed rows: for item index i, entries Offsets[i]..Offsets[i+1] hold the
/// neighbour index, its normalised score (descending), the raw co-occurrence support and, for sequential
/// complements, the median lag in days. Memory is proportional to items x K.
/// </summary>
public sealed class NeighbourTable
{
    internal NeighbourTable(int[] offsets, int[] neighbours, float[] scores, float[] support, float[] lagDays)
    {
        Offsets = offsets;
        Neighbours = neighbours;
        Scores = scores;
        Support = support;
        LagDays = lagDays;
    }

    internal int[] Offsets { get; }
    internal int[] Neighbours { get; }
    internal float[] Scores { get; }
    internal float[] Support { get; }

    /// <summary>Null unless the table holds sequential complements.</summary>
    internal float[] LagDays { get; }

    public int ItemCount => Offsets.Length - 1;

    public int EntryCount => Neighbours.Length;

    public bool HasLags => LagDays != null;

    public int CountOf(int item)
    {
        return Offsets[item + 1] - Offsets[item];
    }

    public ReadOnlySpan<int> NeighboursOf(int item)
    {
        return Neighbours.AsSpan(Offsets[item], Offsets[item + 1] - Offsets[item]);
    }

    public ReadOnlySpan<float> ScoresOf(int item)
    {
        return Scores.AsSpan(Offsets[item], Offsets[item + 1] - Offsets[item]);
    }

    public ReadOnlySpan<float> SupportOf(int item)
    {
        return Support.AsSpan(Offsets[item], Offsets[item + 1] - Offsets[item]);
    }

    public ReadOnlySpan<float> LagDaysOf(int item)
    {
        return LagDays == null ? ReadOnlySpan<float>.Empty : LagDays.AsSpan(Offsets[item], Offsets[item + 1] - Offsets[item]);
    }

    public static NeighbourTable Empty(int itemCount, bool withLags)
    {
        return new NeighbourTable(new int[itemCount + 1], Array.Empty<int>(), Array.Empty<float>(), Array.Empty<float>(), withLags ? Array.Empty<float>() : null);
    }
}

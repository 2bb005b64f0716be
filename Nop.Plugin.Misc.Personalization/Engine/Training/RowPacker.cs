using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>Collects per-row neighbour lists (rows may be filled by several threads) and packs them into a table.</summary>
internal sealed class RowPacker
{
    private readonly int[][] _neighbours;
    private readonly float[][] _scores;
    private readonly float[][] _support;
    private readonly float[][] _lags;
    private readonly bool _withLags;

    public RowPacker(int itemCount, bool withLags)
    {
        _neighbours = new int[itemCount][];
        _scores = new float[itemCount][];
        _support = new float[itemCount][];
        _lags = withLags ? new float[itemCount][] : null;
        _withLags = withLags;
    }

    public void SetRow(int item, ReadOnlySpan<int> neighbours, ReadOnlySpan<double> scores, ReadOnlySpan<float> support, ReadOnlySpan<float> lags)
    {
        if (neighbours.IsEmpty)
            return;
        _neighbours[item] = neighbours.ToArray();
        var s = new float[scores.Length];
        for (var i = 0; i < s.Length; i++)
            s[i] = (float)scores[i];
        _scores[item] = s;
        _support[item] = support.ToArray();
        if (_withLags)
            _lags[item] = lags.ToArray();
    }

    public NeighbourTable Pack()
    {
        var itemCount = _neighbours.Length;
        var offsets = new int[itemCount + 1];
        for (var i = 0; i < itemCount; i++)
            offsets[i + 1] = offsets[i] + (_neighbours[i]?.Length ?? 0);
        var total = offsets[itemCount];
        var neighbours = new int[total];
        var scores = new float[total];
        var support = new float[total];
        var lags = _withLags ? new float[total] : null;
        for (var i = 0; i < itemCount; i++)
        {
            if (_neighbours[i] == null)
                continue;
            _neighbours[i].CopyTo(neighbours, offsets[i]);
            _scores[i].CopyTo(scores, offsets[i]);
            _support[i].CopyTo(support, offsets[i]);
            if (_withLags)
                _lags[i].CopyTo(lags, offsets[i]);
        }
        return new NeighbourTable(offsets, neighbours, scores, support, lags);
    }
}

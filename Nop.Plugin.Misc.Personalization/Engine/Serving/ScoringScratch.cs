using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>
/// Per-request working memory sized to the catalog, rented from the recommender's pool and cleared sparsely (only the
/// touched entries), so serving allocates almost nothing.
/// </summary>
internal sealed class ScoringScratch
{
    public const byte IN_HISTORY = 1;
    public const byte CANDIDATE = 2;
    public const byte BLOCKED = 4;
    public const byte PURCHASED = 8;
    public const byte BOUGHT_SIGNAL = 16;

    public ScoringScratch(int itemCount)
    {
        Score = new double[itemCount];
        Affinity = new double[itemCount];
        Repeat = new double[itemCount];
        LastPurchaseTicks = new long[itemCount];
        CartAddTicks = new long[itemCount];
        CartClearTicks = new long[itemCount];
        BestContribution = new double[itemCount];
        BestSource = new int[itemCount];
        BestKind = new byte[itemCount];
        State = new byte[itemCount];
        Top = new TopK(64);
        TopItems = new int[64];
        TopScores = new double[64];
    }

    public double[] Score { get; }
    public double[] Affinity { get; }
    public double[] Repeat { get; }
    public long[] LastPurchaseTicks { get; }
    public long[] CartAddTicks { get; }
    public long[] CartClearTicks { get; }
    public double[] BestContribution { get; }
    public int[] BestSource { get; }
    public byte[] BestKind { get; }
    public byte[] State { get; }
    public List<int> History { get; } = new(256);
    public List<int> Candidates { get; } = new(1024);
    public List<int> Blocked { get; } = new(16);
    public HashSet<long> OrderKeys { get; } = new();
    public List<long> OrderTicks { get; } = new(64);
    public TopK Top { get; }
    public int[] TopItems { get; private set; }
    public double[] TopScores { get; private set; }

    public void EnsureTop(int count)
    {
        if (TopItems.Length < count)
        {
            TopItems = new int[count];
            TopScores = new double[count];
        }
        Top.Reset(count);
    }

    public void Touch(int item, List<int> list, byte flag)
    {
        if ((State[item] & flag) != 0)
            return;
        State[item] |= flag;
        list.Add(item);
    }

    public void Clear()
    {
        foreach (var i in History)
            Reset(i);
        foreach (var i in Candidates)
            Reset(i);
        foreach (var i in Blocked)
            Reset(i);
        History.Clear();
        OrderKeys.Clear();
        OrderTicks.Clear();
        Candidates.Clear();
        Blocked.Clear();
    }

    private void Reset(int i)
    {
        Score[i] = 0;
        Affinity[i] = 0;
        Repeat[i] = 0;
        LastPurchaseTicks[i] = 0;
        CartAddTicks[i] = 0;
        CartClearTicks[i] = 0;
        BestContribution[i] = 0;
        BestSource[i] = 0;
        BestKind[i] = 0;
        State[i] = 0;
    }
}

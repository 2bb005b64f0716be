using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>
/// Per-request working memory, rented from the recommender's pool: a small catalogue gets plain arrays, a large one
/// entries only for the products a request touches (<see cref="SparseSlots{T}"/>), so a new scratch costs at most a few
/// megabytes whatever the catalogue's size, and a pooled one is cleared by resetting the touched entries. Each product's fields sit together in one struct, so a touched product
/// costs one cache line rather than one per field.
/// </summary>
internal sealed class ScoringScratch
{
    public const byte IN_HISTORY = 1;
    public const byte CANDIDATE = 2;
    public const byte BLOCKED = 4;
    public const byte PURCHASED = 8;
    public const byte BOUGHT_SIGNAL = 16;
    public const byte LAST_SEASON = 32;

    public ScoringScratch(int catalogueSize, int denseLimit)
    {
        Slots = new SparseSlots<CandidateSlot>(catalogueSize, denseLimit, 256);
        Histories = new SparseSlots<HistorySlot>(catalogueSize, denseLimit, 64);
        Top = new TopK(64);
        TopItems = new int[64];
        TopScores = new double[64];
    }

    public SparseSlots<CandidateSlot> Slots { get; }
    public SparseSlots<HistorySlot> Histories { get; }
    public List<int> History { get; } = new(256);
    public List<int> Candidates { get; } = new(1024);
    public List<int> Blocked { get; } = new(16);
    public HashSet<long> OrderKeys { get; } = new();
    public List<long> OrderTicks { get; } = new(64);
    public TopK Top { get; }
    public TopK Spread { get; } = new(64);
    public int[] SpreadItems { get; private set; } = new int[64];
    public double[] SpreadScores { get; private set; } = new double[64];

    public void EnsureSpread(int count)
    {
        if (SpreadItems.Length < count)
        {
            SpreadItems = new int[count];
            SpreadScores = new double[count];
        }
        Spread.Reset(count);
    }
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
        ref var slot = ref Slots[item];
        if ((slot.State & flag) != 0)
            return;
        slot.State |= flag;
        list.Add(item);
    }

    public void Clear()
    {
        if (Slots.IsDense)
        {
            Slots.Clear(History);
            Slots.Clear(Candidates);
            Slots.Clear(Blocked);
        }
        else
            Slots.Clear(null);
        Histories.Clear(History);
        History.Clear();
        Candidates.Clear();
        Blocked.Clear();
        OrderKeys.Clear();
        OrderTicks.Clear();
    }

    internal struct CandidateSlot
    {
        public double Score;
        public double BestContribution;
        public int BestSource;
        public byte BestKind;
        public byte State;
    }

    internal struct HistorySlot
    {
        public double Affinity;
        public double Shaped;
        public double Repeat;
        public long LastPurchaseTicks;
        public long CartAddTicks;
        public long CartClearTicks;
    }
}

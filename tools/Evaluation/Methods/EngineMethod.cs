using Evaluation.Protocol;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Evaluation.Methods;

/// <summary>
/// The plugin's engine as the shop would use it: train a snapshot from purchase interactions, then ask "for you" with
/// the customer's history; discovery asks it to exclude what the customer bought.
/// </summary>
public sealed class EngineMethod : IEvaluatedMethod
{
    private const int STORE_ID = 1;
    private static readonly ScoringOptions _scoringKey = new();
    private readonly TrainingOptions _options;
    private readonly Dictionary<TrainingOptions, ModelSnapshot> _snapshotCache;
    private Recommender _recommender;
    private Interaction[] _interactions;
    // each customer's history in _interactions, by customer id (ids are small dense integers here)
    private int[] _historyStart;
    private int[] _historyLength;
    private DateTime _now;
    private RequestContext _discovery;
    private RequestContext _all;
    private readonly PurchasedProducts _allPolicy;

    /// <param name="snapshotCache">Optional: reuse snapshots across runs that differ only in scoring settings (validation).</param>
    public EngineMethod(TrainingOptions options, string name = "engine", Dictionary<TrainingOptions, ModelSnapshot> snapshotCache = null)
        : this(options, name, PurchasedProducts.Include, snapshotCache)
    {
    }

    /// <param name="allPolicy">What the "all" task's lists do with bought products; anything but Include answers that task only.</param>
    public EngineMethod(TrainingOptions options, string name, PurchasedProducts allPolicy, Dictionary<TrainingOptions, ModelSnapshot> snapshotCache = null)
    {
        _options = options;
        Name = name;
        _allPolicy = allPolicy;
        _snapshotCache = snapshotCache;
    }

    public string Name { get; }

    /// <summary>The recommender and the histories are read-only after fitting.</summary>
    public bool IsThreadSafe => true;

    public bool Supports(EvalTask task)
    {
        return _allPolicy == PurchasedProducts.Include || task == EvalTask.All;
    }

    public static TrainingOptions TrainingKey(TrainingOptions options)
    {
        return options with { Scoring = _scoringKey };
    }

    public void Fit(Split split)
    {
        _now = split.Start;
        // one array grouped by customer serves as training input and, sliced, as each customer's history; a stable
        // counting sort keeps the train list's time order inside each customer
        var train = split.Train;
        var maxUser = 0;
        foreach (var e in train)
            maxUser = Math.Max(maxUser, e.User);
        // customer ids are small integers here: a dense map instead of hashing every event
        var slot = new int[maxUser + 1];
        var customers = new List<int>();
        foreach (var e in train)
        {
            if (slot[e.User] == 0)
            {
                slot[e.User] = 1;
                customers.Add(e.User);
            }
        }
        customers.Sort();
        for (var c = 0; c < customers.Count; c++)
            slot[customers[c]] = c;
        var offsets = new int[customers.Count + 1];
        foreach (var e in train)
            offsets[slot[e.User] + 1]++;
        for (var c = 0; c < customers.Count; c++)
            offsets[c + 1] += offsets[c];
        // each distinct price is converted to decimal once (the conversion is slow and retail prices repeat a lot)
        var cursor = (int[])offsets.Clone();
        var prices = new PriceCache();
        _interactions = new Interaction[train.Count];
        for (var k = 0; k < train.Count; k++)
            _interactions[cursor[slot[train[k].User]]++] = ToInteraction(train[k], prices.ToDecimal(train[k].Price));
        _historyStart = new int[maxUser + 1];
        _historyLength = new int[maxUser + 1];
        for (var c = 0; c < customers.Count; c++)
        {
            var span = _interactions.AsSpan(offsets[c], offsets[c + 1] - offsets[c]);
            if (!IsInTimeOrder(span))
                span.Sort(static (a, b) => a.TimeUtc.CompareTo(b.TimeUtc));
            _historyStart[customers[c]] = offsets[c];
            _historyLength[customers[c]] = offsets[c + 1] - offsets[c];
        }

        var key = TrainingKey(_options);
        ModelSnapshot snapshot = null;
        if (_snapshotCache == null || !_snapshotCache.TryGetValue(key, out snapshot))
            snapshot = EngineTrainer.Train(_interactions, Array.Empty<ProductFacts>(), _options, _now);
        if (_snapshotCache != null)
            _snapshotCache[key] = snapshot;
        _recommender = new Recommender(snapshot, _options.Scoring);
        _discovery = new RequestContext { Purchased = PurchasedProducts.Exclude };
        _all = new RequestContext { Purchased = _allPolicy };
    }

    public IReadOnlyList<ScoredItem> Recommend(int user, EvalTask task, int count)
    {
        var history = (uint)user < (uint)_historyStart.Length ? _interactions.AsSpan(_historyStart[user], _historyLength[user]) : ReadOnlySpan<Interaction>.Empty;
        var list = _recommender.ForCustomer(history, _now, count, task == EvalTask.Discovery ? _discovery : _all);
        var result = new ScoredItem[list.Count];
        for (var r = 0; r < result.Length; r++)
            result[r] = new ScoredItem(list[r].ProductId - 1, list[r].Score);
        return result;
    }

    private static bool IsInTimeOrder(ReadOnlySpan<Interaction> span)
    {
        for (var k = 1; k < span.Length; k++)
        {
            if (span[k].TimeUtc < span[k - 1].TimeUtc)
                return false;
        }
        return true;
    }

    public static Interaction ToInteraction(Data.PurchaseEvent e)
    {
        return ToInteraction(e, (decimal)e.Price);
    }

    private static Interaction ToInteraction(Data.PurchaseEvent e, decimal price)
    {
        return new Interaction(STORE_ID, e.User, e.Item + 1, InteractionType.Purchase, e.Time, (int)Math.Round(e.Quantity), price, e.Invoice);
    }

    /// <summary>Remembers recent double-to-decimal conversions (direct-mapped by the bits): retail prices repeat a lot.</summary>
    private sealed class PriceCache
    {
        private const int SIZE = 4096;
        private readonly long[] _keys = new long[SIZE];
        private readonly decimal[] _values = new decimal[SIZE];
        private readonly bool[] _filled = new bool[SIZE];

        public decimal ToDecimal(double price)
        {
            var bits = BitConverter.DoubleToInt64Bits(price);
            var slot = (int)((ulong)(bits * -7046029254386353131L) >> 52);
            if (_filled[slot] && _keys[slot] == bits)
                return _values[slot];
            var value = (decimal)price;
            _keys[slot] = bits;
            _values[slot] = value;
            _filled[slot] = true;
            return value;
        }
    }
}

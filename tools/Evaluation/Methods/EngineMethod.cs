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
    private Dictionary<int, (int Start, int Length)> _histories;
    private DateTime _now;
    private RequestContext _discovery;
    private RequestContext _all;

    /// <param name="snapshotCache">Optional: reuse snapshots across runs that differ only in scoring settings (validation).</param>
    public EngineMethod(TrainingOptions options, string name = "engine", Dictionary<TrainingOptions, ModelSnapshot> snapshotCache = null)
    {
        _options = options;
        Name = name;
        _snapshotCache = snapshotCache;
    }

    public string Name { get; }

    public bool Supports(EvalTask task)
    {
        return true;
    }

    public static TrainingOptions TrainingKey(TrainingOptions options)
    {
        return options with { Scoring = _scoringKey };
    }

    public void Fit(Split split)
    {
        _now = split.Start;
        // one array sorted by customer serves as training input and, sliced, as each customer's history
        _interactions = new Interaction[split.Train.Count];
        for (var k = 0; k < _interactions.Length; k++)
            _interactions[k] = ToInteraction(split.Train[k]);
        Array.Sort(_interactions, static (a, b) => a.CustomerId != b.CustomerId ? a.CustomerId.CompareTo(b.CustomerId) : a.TimeUtc.CompareTo(b.TimeUtc));
        _histories = new Dictionary<int, (int, int)>();
        var start = 0;
        for (var k = 1; k <= _interactions.Length; k++)
        {
            if (k == _interactions.Length || _interactions[k].CustomerId != _interactions[start].CustomerId)
            {
                _histories[_interactions[start].CustomerId] = (start, k - start);
                start = k;
            }
        }

        var key = TrainingKey(_options);
        ModelSnapshot snapshot = null;
        if (_snapshotCache == null || !_snapshotCache.TryGetValue(key, out snapshot))
            snapshot = EngineTrainer.Train(_interactions, Array.Empty<ProductFacts>(), _options, _now);
        if (_snapshotCache != null)
            _snapshotCache[key] = snapshot;
        _recommender = new Recommender(snapshot, _options.Scoring);
        _discovery = new RequestContext { Purchased = PurchasedProducts.Exclude };
        _all = new RequestContext { Purchased = PurchasedProducts.Include };
    }

    public IReadOnlyList<ScoredItem> Recommend(int user, EvalTask task, int count)
    {
        var history = _histories.TryGetValue(user, out var h) ? _interactions.AsSpan(h.Start, h.Length) : ReadOnlySpan<Interaction>.Empty;
        var list = _recommender.ForCustomer(history, _now, count, task == EvalTask.Discovery ? _discovery : _all);
        var result = new ScoredItem[list.Count];
        for (var r = 0; r < result.Length; r++)
            result[r] = new ScoredItem(list[r].ProductId - 1, list[r].Score);
        return result;
    }

    public static Interaction ToInteraction(Data.PurchaseEvent e)
    {
        return new Interaction(STORE_ID, e.User, e.Item + 1, InteractionType.Purchase, e.Time, (int)Math.Round(e.Quantity), (decimal)e.Price, e.Invoice);
    }
}

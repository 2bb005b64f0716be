using Evaluation.Protocol;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
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
    private readonly TrainingOptions _options;
    private Recommender _recommender;
    private Dictionary<int, Interaction[]> _histories;
    private DateTime _now;
    private RequestContext _discovery;
    private RequestContext _all;

    private readonly Dictionary<TrainingOptions, Nop.Plugin.Misc.Personalization.Engine.Models.ModelSnapshot> _snapshotCache;

    /// <param name="snapshotCache">Optional: reuse snapshots across runs that differ only in scoring settings (validation).</param>
    public EngineMethod(TrainingOptions options, string name = "engine", Dictionary<TrainingOptions, Nop.Plugin.Misc.Personalization.Engine.Models.ModelSnapshot> snapshotCache = null)
    {
        _options = options;
        Name = name;
        _snapshotCache = snapshotCache;
    }

    public static TrainingOptions TrainingKey(TrainingOptions options)
    {
        return options with { Scoring = ScoringKey };
    }

    private static readonly ScoringOptions ScoringKey = new();

    public string Name { get; }

    public Nop.Plugin.Misc.Personalization.Engine.Models.ModelSnapshot Snapshot => _recommender?.Snapshot;

    public bool Supports(EvalTask task)
    {
        return true;
    }

    public void Fit(Split split)
    {
        _now = split.Start;
        var interactions = new Interaction[split.Train.Count];
        for (var k = 0; k < interactions.Length; k++)
            interactions[k] = ToInteraction(split.Train[k]);
        var snapshot = _snapshotCache != null && _snapshotCache.TryGetValue(TrainingKey(_options), out var cached)
            ? cached
            : EngineTrainer.Train(interactions, Array.Empty<ProductFacts>(), _options, _now);
        if (_snapshotCache != null)
            _snapshotCache[TrainingKey(_options)] = snapshot;
        _recommender = new Recommender(snapshot, _options.Scoring);
        _histories = new Dictionary<int, Interaction[]>();
        foreach (var group in interactions.GroupBy(i => i.CustomerId))
            _histories[group.Key] = group.ToArray();
        _discovery = new RequestContext { Purchased = PurchasedProducts.Exclude };
        _all = new RequestContext { Purchased = PurchasedProducts.Include };
    }

    public IReadOnlyList<ScoredItem> Recommend(int user, EvalTask task, int count)
    {
        var history = _histories.TryGetValue(user, out var h) ? h : Array.Empty<Interaction>();
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

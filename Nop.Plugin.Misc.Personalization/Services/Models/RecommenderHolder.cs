using System.Collections.Immutable;
using Nop.Plugin.Misc.Personalization.Engine.Serving;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

public sealed class RecommenderHolder : IRecommenderHolder
{
    private ImmutableDictionary<int, (int Version, Recommender Recommender)> _loaded = ImmutableDictionary<int, (int, Recommender)>.Empty;

    public Recommender Find(int storeId) => Volatile.Read(ref _loaded).TryGetValue(storeId, out var entry) ? entry.Recommender : null;

    public int VersionOf(int storeId) => Volatile.Read(ref _loaded).TryGetValue(storeId, out var entry) ? entry.Version : 0;

    public void Swap(int storeId, int version, Recommender recommender)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        ImmutableInterlocked.AddOrUpdate(ref _loaded, storeId, (version, recommender), (_, _) => (version, recommender));
    }
}

using Nop.Plugin.Misc.Personalization.Engine.Serving;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// The loaded model per store; swapped atomically by the refresher, read by every request.
/// </summary>
public interface IRecommenderHolder
{
    Recommender Find(int storeId);

    int VersionOf(int storeId);

    void Swap(int storeId, int version, Recommender recommender);
}

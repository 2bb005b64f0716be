using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

/// <summary>
/// A customer's interactions for personal scoring, from memory only: what this node saw live plus the stored history
/// once loaded. A miss asks for a background load and serves what is known now.
/// </summary>
public interface ICustomerHistory
{
    IReadOnlyList<Interaction> Get(int storeId, int customerId);

    bool TryTakeLoadRequest(out (int StoreId, int CustomerId) request);

    Task<bool> WaitForLoadRequestAsync(CancellationToken cancellationToken);

    void Store(int storeId, int customerId, IReadOnlyList<Interaction> stored);

    /// <summary>
    /// The load failed: a later request asks again.
    /// </summary>
    void LoadFailed(int storeId, int customerId);

    /// <summary>
    /// The customer's data was erased: drops their stored history in every store (live activity is forgotten by
    /// <see cref="Capture.ILiveActivity.Forget"/>).
    /// </summary>
    void Forget(int customerId);
}

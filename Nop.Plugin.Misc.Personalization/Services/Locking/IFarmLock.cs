namespace Nop.Plugin.Misc.Personalization.Services.Locking;

/// <summary>
/// Runs work on one web-farm node at a time, whichever node asks.
/// </summary>
public interface IFarmLock
{
    /// <summary>
    /// Runs <paramref name="work"/> while holding the lock <paramref name="name"/>, or returns false at once when another
    /// holder has it. The lock is extended while the work runs, so <paramref name="expiry"/> only bounds how long a node
    /// that stopped keeps others out. The token passed to the work is cancelled when the lock was lost (taken over after
    /// it expired unrenewed).
    /// </summary>
    Task<bool> TryRunAsync(string name, TimeSpan expiry, Func<CancellationToken, Task> work);
}

using Nop.Plugin.Misc.Personalization.Services.Locking;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport;

/// <summary>A farm lock that is always free (or always held by another node), for tests of the work under it.</summary>
public sealed class ImmediateFarmLock : IFarmLock
{
    public bool HeldElsewhere { get; set; }

    public async Task<bool> TryRunAsync(string name, TimeSpan expiry, Func<CancellationToken, Task> work)
    {
        if (HeldElsewhere)
            return false;

        await work(CancellationToken.None);
        return true;
    }
}

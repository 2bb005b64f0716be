namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Wakes the background refresher on this node (after training here); other nodes notice on their next poll.
/// </summary>
public interface IModelRefreshSignal
{
    void RequestRefresh();

    Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken);
}

namespace Nop.Plugin.Misc.Personalization.Services.Models;

public sealed class ModelRefreshSignal : IModelRefreshSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void RequestRefresh()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            //already requested
        }
    }

    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            //the poll interval elapsed
        }
    }
}

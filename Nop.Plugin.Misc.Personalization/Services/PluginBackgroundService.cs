using Microsoft.Extensions.Hosting;

namespace Nop.Plugin.Misc.Personalization.Services;

/// <summary>
/// A background service of the plugin that polls the database: it stops when the shop stops or when the plugin is
/// uninstalled, whichever comes first.
/// </summary>
public abstract class PluginBackgroundService : BackgroundService
{
    private readonly PluginLifetime _lifetime;

    protected PluginBackgroundService(PluginLifetime lifetime)
    {
        _lifetime = lifetime;
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _lifetime.Uninstalled);
        try
        {
            await RunAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            //the host treats a cancellation by its own token as a normal stop, but not one by the uninstall: this is one too
        }
    }

    /// <param name="stoppingToken">Cancelled when the shop stops or the plugin is uninstalled.</param>
    protected abstract Task RunAsync(CancellationToken stoppingToken);
}

namespace Nop.Plugin.Misc.Personalization.Services;

/// <summary>
/// Tells the plugin's background services that the plugin is being uninstalled. nopCommerce drops the plugin's tables
/// then, but the process (and these services) may run on until the shop restarts; without this they would keep reading
/// tables that are gone and fill the log.
/// </summary>
public sealed class PluginLifetime : IDisposable
{
    private readonly CancellationTokenSource _uninstalled = new();

    public CancellationToken Uninstalled => _uninstalled.Token;

    public bool IsUninstalled => _uninstalled.IsCancellationRequested;

    public void MarkUninstalled() => _uninstalled.Cancel();

    public void Dispose() => _uninstalled.Dispose();
}

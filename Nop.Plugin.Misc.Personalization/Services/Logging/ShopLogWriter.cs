using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Logging;

/// <summary>
/// Writes the queued warnings and errors to nopCommerce's log, one scope per message (its logger is scoped). When the
/// database cannot take them, the console log already holds them.
/// </summary>
public sealed class ShopLogWriter : BackgroundService
{
    private readonly ILogger<ShopLogWriter> _console;
    private readonly ShopLog _log;
    private readonly IServiceScopeFactory _scopeFactory;

    public ShopLogWriter(ILogger<ShopLogWriter> console, ShopLog log, IServiceScopeFactory scopeFactory)
    {
        _console = console;
        _log = log;
        _scopeFactory = scopeFactory;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var entry in _log.Entries.ReadAllAsync(stoppingToken))
                await WriteAsync(entry);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task WriteAsync(ShopLogEntry entry)
    {
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var shopLogger = scope.ServiceProvider.GetRequiredService<Nop.Services.Logging.ILogger>();
            if (entry.IsError)
                await shopLogger.ErrorAsync(entry.Message, entry.Exception);
            else
                await shopLogger.WarningAsync(entry.Message, entry.Exception);
        }
        catch (Exception exception)
        {
            _console.LogWarning(exception, "Personalization: a message could not be written to the shop's log (it is in this log above).");
        }
    }
}

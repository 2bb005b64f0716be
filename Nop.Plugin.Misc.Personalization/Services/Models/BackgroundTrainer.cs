using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Runs training off the scheduled task's call: nopCommerce runs a task inside an HTTP call to itself that gives up
/// after 100 seconds, longer than training a large shop takes. The task only asks; this service trains.
/// </summary>
public sealed class BackgroundTrainer : BackgroundService, ITrainingRequests
{
    private readonly SemaphoreSlim _requested = new(0, 1);
    private readonly ILogger<BackgroundTrainer> _logger;
    private readonly IServiceScopeFactory _scopeFactory;

    public BackgroundTrainer(ILogger<BackgroundTrainer> logger, IServiceScopeFactory scopeFactory)
    {
        _logger = logger;
        _scopeFactory = scopeFactory;
    }

    public void Request()
    {
        try
        {
            _requested.Release();
        }
        catch (SemaphoreFullException)
        {
            //a run is already requested
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await _requested.WaitAsync(stoppingToken);
                await TrainOnceAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TrainOnceAsync()
    {
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ModelTrainingService>().TrainWithLockAsync();
            if (result.Trained)
                _logger.LogInformation("Personalization: trained {Stores} store model(s) from {Interactions} interactions and {Products} products in {Seconds:F1} s.",
                    result.VersionByStore.Count, result.Interactions, result.Products, result.Duration.TotalSeconds);
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "Personalization: training failed; the loaded models stay in service.");
        }
    }
}

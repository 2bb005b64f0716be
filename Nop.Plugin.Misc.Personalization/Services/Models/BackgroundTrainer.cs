using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Globalization;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Progress;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Runs training off the caller's request: nopCommerce runs a scheduled task inside an HTTP call to itself that gives
/// up after 100 seconds, and a reverse proxy may cut the admin's "train now" request sooner than a large shop trains.
/// Callers only ask; this service trains, one run at a time.
/// </summary>
public sealed class BackgroundTrainer : BackgroundService, ITrainingRequests
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _requested = new(0, 1);
    private readonly IShopLog _log;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly LongWorkBoard _workBoard;
    private TaskCompletionSource<TrainingResult> _waiting;

    public BackgroundTrainer(IShopLog shopLog, IServiceScopeFactory scopeFactory, LongWorkBoard workBoard)
    {
        _log = shopLog;
        _scopeFactory = scopeFactory;
        _workBoard = workBoard;
    }

    public Task<TrainingResult> RequestAsync()
    {
        lock (_gate)
        {
            if (_waiting == null)
            {
                _waiting = new TaskCompletionSource<TrainingResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                _requested.Release();
            }

            return _waiting.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await _requested.WaitAsync(stoppingToken);
                TaskCompletionSource<TrainingResult> run;
                lock (_gate)
                {
                    run = _waiting;
                    _waiting = null;
                }

                run.TrySetResult(await TrainOnceAsync());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            lock (_gate)
                _waiting?.TrySetResult(TrainingResult.Skipped("the shop is shutting down"));
        }
    }

    private async Task<TrainingResult> TrainOnceAsync()
    {
        _workBoard.Start(LongWork.Training, 0, ModelTrainingService.Stages.Count, ModelTrainingService.Stages[0]);
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ModelTrainingService>().TrainWithLockAsync();
            if (result.Trained)
                _log.Information($"trained {result.VersionByStore.Count} store model(s) from {result.Interactions} interactions and {result.Products} products in {result.Duration.TotalSeconds:F1} s.");
            Report(result);
            return result;
        }
        catch (Exception exception)
        {
            _log.Error("training failed; the loaded models stay in service.", exception);
            _workBoard.Finish(LongWork.Training, false, "Plugins.Misc.Personalization.Progress.Training.Failed");
            return TrainingResult.Failed(exception);
        }
    }

    private void Report(TrainingResult result)
    {
        if (result.Trained)
        {
            _workBoard.Finish(LongWork.Training, true, "Plugins.Misc.Personalization.Progress.Training.Trained",
                result.Interactions.ToString(CultureInfo.InvariantCulture), result.Products.ToString(CultureInfo.InvariantCulture),
                result.VersionByStore.Count.ToString(CultureInfo.InvariantCulture));
        }
        else if (result.Failure != null)
            _workBoard.Finish(LongWork.Training, false, "Plugins.Misc.Personalization.Progress.Training.Failed");
        else
            _workBoard.Finish(LongWork.Training, true, "Plugins.Misc.Personalization.Progress.Training.Skipped", result.SkippedBecause ?? string.Empty);
    }
}

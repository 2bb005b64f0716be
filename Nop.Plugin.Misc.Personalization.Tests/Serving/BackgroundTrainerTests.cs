using Nop.Plugin.Misc.Personalization.Services.Progress;
using Nop.Services.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Tasks;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

[TestFixture]
public class BackgroundTrainerTests
{
    [Test]
    public async Task TheTaskOnlyAsksAndTheTrainerTrainsUnderTheLock()
    {
        var locker = new Mock<IFarmLock>();
        var trained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        locker.Setup(l => l.TryRunAsync(ModelTrainingService.LOCK_KEY, ModelTrainingService.LockDuration, It.IsAny<Func<CancellationToken, Task>>()))
            .Callback(() => trained.TrySetResult())
            .ReturnsAsync(false);
        var services = new ServiceCollection()
            .AddSingleton(locker.Object)
            .AddScoped(provider => new ModelTrainingService(null, provider.GetRequiredService<IFarmLock>(), null, null, new RecordingShopLog(), null, null, null, AnyNodeTrains(), null, TimeProvider.System, new LongWorkBoard(TimeProvider.System)))
            .BuildServiceProvider();
        var trainer = new BackgroundTrainer(new RecordingShopLog(), services.GetRequiredService<IServiceScopeFactory>(), new LongWorkBoard(TimeProvider.System));
        await trainer.StartAsync(CancellationToken.None);

        await new ModelTrainingTask(TimeProvider.System, trainer).ExecuteAsync();

        await trained.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await trainer.StopAsync(CancellationToken.None);
        locker.Verify(l => l.TryRunAsync(ModelTrainingService.LOCK_KEY, ModelTrainingService.LockDuration, It.IsAny<Func<CancellationToken, Task>>()), Times.Once);
    }

    [Test]
    public async Task RequestsWhileOneWaitsShareItAndARequestDuringARunGetsTheNextRun()
    {
        var locker = new Mock<IFarmLock>();
        var runs = 0;
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        locker.Setup(l => l.TryRunAsync(ModelTrainingService.LOCK_KEY, ModelTrainingService.LockDuration, It.IsAny<Func<CancellationToken, Task>>()))
            .Returns(async () =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    firstEntered.SetResult();
                    await releaseFirst.Task;
                }
                return false;
            });
        var (trainer, services) = Trainer(locker.Object);
        await trainer.StartAsync(CancellationToken.None);

        var first = trainer.RequestAsync();
        await firstEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = trainer.RequestAsync();
        var third = trainer.RequestAsync();
        second.Should().BeSameAs(third, "requests made while a run waits share it");
        second.Should().NotBeSameAs(first, "the running run started before this request");
        releaseFirst.SetResult();

        (await first.WaitAsync(TimeSpan.FromSeconds(10))).SkippedBecause.Should().Be("another node is training");
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Trained.Should().BeFalse();
        runs.Should().Be(2);
        await trainer.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }

    [Test]
    public async Task AFailedRunComesBackAsAResultAndTheTrainerKeepsServing()
    {
        var locker = new Mock<IFarmLock>();
        var failure = new InvalidOperationException("database is gone");
        locker.SetupSequence(l => l.TryRunAsync(ModelTrainingService.LOCK_KEY, ModelTrainingService.LockDuration, It.IsAny<Func<CancellationToken, Task>>()))
            .ThrowsAsync(failure)
            .ReturnsAsync(false);
        var (trainer, services) = Trainer(locker.Object);
        await trainer.StartAsync(CancellationToken.None);

        var failed = await trainer.RequestAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var next = await trainer.RequestAsync().WaitAsync(TimeSpan.FromSeconds(10));

        failed.Failure.Should().BeSameAs(failure);
        failed.Trained.Should().BeFalse();
        next.SkippedBecause.Should().Be("another node is training");
        await trainer.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }

    [Test]
    public async Task ARequestWaitingWhenTheShopStopsIsAnsweredNotLeftHanging()
    {
        var locker = new Mock<IFarmLock>();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        locker.Setup(l => l.TryRunAsync(ModelTrainingService.LOCK_KEY, ModelTrainingService.LockDuration, It.IsAny<Func<CancellationToken, Task>>()))
            .Returns(async () =>
            {
                entered.TrySetResult();
                await release.Task;
                return false;
            });
        var (trainer, services) = Trainer(locker.Object);
        await trainer.StartAsync(CancellationToken.None);
        var running = trainer.RequestAsync();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = trainer.RequestAsync();

        var stopping = trainer.StopAsync(CancellationToken.None);
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        (await running.WaitAsync(TimeSpan.FromSeconds(10))).SkippedBecause.Should().Be("another node is training");
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).SkippedBecause.Should().Be("the shop is shutting down");
        locker.Verify(l => l.TryRunAsync(ModelTrainingService.LOCK_KEY, ModelTrainingService.LockDuration, It.IsAny<Func<CancellationToken, Task>>()), Times.Once);
        await services.DisposeAsync();
    }

    private static (BackgroundTrainer Trainer, ServiceProvider Services) Trainer(IFarmLock locker)
    {
        var services = new ServiceCollection()
            .AddSingleton(locker)
            .AddScoped(provider => new ModelTrainingService(null, provider.GetRequiredService<IFarmLock>(), null, null, new RecordingShopLog(), null, null, null, AnyNodeTrains(), null, TimeProvider.System, new LongWorkBoard(TimeProvider.System)))
            .BuildServiceProvider();
        return (new BackgroundTrainer(new RecordingShopLog(), services.GetRequiredService<IServiceScopeFactory>(), new LongWorkBoard(TimeProvider.System)), services);
    }

    /// <summary>Settings that let this node train (no training node named).</summary>
    private static ISettingService AnyNodeTrains()
    {
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(It.IsAny<int>())).ReturnsAsync(() => PersonalizationSettings.Defaults());
        return settings.Object;
    }
}

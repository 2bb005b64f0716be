using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Nop.Core.Caching;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Tasks;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

[TestFixture]
public class BackgroundTrainerTests
{
    [Test]
    public async Task TheTaskOnlyAsksAndTheTrainerTrainsUnderTheLock()
    {
        var locker = new Mock<ILocker>();
        var trained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        locker.Setup(l => l.PerformActionWithLockAsync(ModelTrainingService.LOCK_KEY, ModelTrainingService.LockDuration, It.IsAny<Func<Task>>()))
            .Callback(() => trained.TrySetResult())
            .ReturnsAsync(false);
        var services = new ServiceCollection()
            .AddSingleton(locker.Object)
            .AddScoped(provider => new ModelTrainingService(null, provider.GetRequiredService<ILocker>(), null, null, null, null, TimeProvider.System))
            .BuildServiceProvider();
        var trainer = new BackgroundTrainer(NullLogger<BackgroundTrainer>.Instance, services.GetRequiredService<IServiceScopeFactory>());
        await trainer.StartAsync(CancellationToken.None);

        await new ModelTrainingTask(trainer).ExecuteAsync();

        await trained.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await trainer.StopAsync(CancellationToken.None);
        locker.Verify(l => l.PerformActionWithLockAsync(ModelTrainingService.LOCK_KEY, ModelTrainingService.LockDuration, It.IsAny<Func<Task>>()), Times.Once);
    }
}

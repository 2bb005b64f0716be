using Nop.Plugin.Misc.Personalization.Services.Progress;
using Moq;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Locking;

/// <summary>
/// "Train now" on one web-farm node while the scheduled run starts on another: each node has its own training service,
/// lock and repositories, and only the database in common, so a per-node lock would let both train.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class TrainingOnTwoNodesDatabaseTests : MigratedDatabaseTest
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    public TrainingOnTwoNodesDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [Test]
    public async Task WhileOneNodeTrainsTheOtherSkipsBecauseAnotherNodeIsTraining()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        //the node check reads the settings before the lock, training reads them again under it: the first node stays
        //there until the second has tried
        var firstNodeSettings = new Mock<ISettingService>();
        var reads = 0;
        firstNodeSettings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(It.IsAny<int>()))
            .Returns(async () =>
            {
                if (Interlocked.Increment(ref reads) == 1)
                    return Disabled();

                entered.TrySetResult();
                await release.Task;
                return Disabled();
            });
        var secondNodeSettings = new Mock<ISettingService>();
        secondNodeSettings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(It.IsAny<int>())).ReturnsAsync(() => Disabled());

        var first = Node(firstNodeSettings.Object).TrainWithLockAsync();
        await entered.Task.WaitAsync(_patience);
        var second = await Node(secondNodeSettings.Object).TrainWithLockAsync().WaitAsync(_patience);
        release.TrySetResult();

        second.SkippedBecause.Should().Be("another node is training");
        secondNodeSettings.Verify(s => s.LoadSettingAsync<PersonalizationSettings>(It.IsAny<int>()), Times.Once,
            "the second node only checked whether it may train; it never got to training");
        (await first.WaitAsync(_patience)).SkippedBecause.Should().Be("disabled", "the first node trained (and found the plugin disabled)");
        (await Repository<PersonalizationLock>().GetAllAsync(query => query)).Should().BeEmpty();
        (await Node(secondNodeSettings.Object).TrainWithLockAsync()).SkippedBecause.Should().Be("disabled", "the lock is free again");
    }

    private ModelTrainingService Node(ISettingService settings)
    {
        var log = new RecordingShopLog();
        var farmLock = new FarmLock(log, new LockRows(Repository<PersonalizationLock>(), log, TimeProvider.System), TimeProvider.System);
        return new ModelTrainingService(null, farmLock, null, null, log, null, null, null, settings, null, TimeProvider.System, new LongWorkBoard(TimeProvider.System));
    }

    private static PersonalizationSettings Disabled()
    {
        var settings = PersonalizationSettings.Defaults();
        settings.Enabled = false;
        return settings;
    }
}

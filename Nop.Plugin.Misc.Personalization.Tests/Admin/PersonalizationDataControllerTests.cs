using Nop.Plugin.Misc.Personalization.Services;
using Nop.Plugin.Misc.Personalization.Models.Status;
using Nop.Plugin.Misc.Personalization.Services.Progress;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Nop.Core.Caching;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Services.Messages;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

[TestFixture]
public class PersonalizationDataControllerTests
{
    private AdminServices _services;
    private BackgroundBackfill _backgroundBackfill;
    private Mock<INotificationService> _notifications;
    private RecordingShopLog _logger;
    private List<(NotifyType Type, string Message)> _shown;
    private RecordingShopLog _trainerLogger;
    private ServiceProvider _provider;
    private BackgroundTrainer _trainer;

    [SetUp]
    public async Task SetUp()
    {
        _services = new AdminServices();
        _backgroundBackfill = new BackgroundBackfill(new RecordingShopLog(), new PluginLifetime(),
            new ServiceCollection().AddScoped(_ => _services.Backfill()).AddScoped(_ => _services.FarmLock.Object).BuildServiceProvider().GetRequiredService<IServiceScopeFactory>());
        _trainerLogger = new RecordingShopLog();
        _provider = new ServiceCollection().AddScoped(_ => _services.Training()).BuildServiceProvider();
        _trainer = new BackgroundTrainer(_trainerLogger, _provider.GetRequiredService<IServiceScopeFactory>(), _services.WorkBoard);
        await _trainer.StartAsync(CancellationToken.None);
        _notifications = new Mock<INotificationService>();
        _shown = [];
        _notifications.Setup(n => n.Notification(It.IsAny<NotifyType>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()))
            .Callback((NotifyType type, string message, bool _, int _) => _shown.Add((type, message)));
        _logger = new RecordingShopLog();
        Format("Plugins.Misc.Personalization.Data.Backfill.Started", "started {0} orders, {1} events, at {2} of {3}");
        Format("Plugins.Misc.Personalization.Data.Backfill.Completed", "completed {0} orders, {1} events, {2} skipped");
        Format("Plugins.Misc.Personalization.Data.Backfill.Failed", "backfill failed: {0}");
        Format("Plugins.Misc.Personalization.Data.Train.Trained", "trained {0} interactions, {1} products, versions {2}, {3} s");
        Format("Plugins.Misc.Personalization.Data.Train.Skipped", "skipped: {0}");
        Format("Plugins.Misc.Personalization.Data.Train.Failed", "training failed: {0}");
        Format("Plugins.Misc.Personalization.Data.Train.Started", "training continues in the background");
    }

    [TearDown]
    public async Task TearDown()
    {
        await _trainer.StopAsync(CancellationToken.None);
        _trainer.Dispose();
        await _provider.DisposeAsync();
    }

    [Test]
    public async Task BackfillStartsOverAndRunsOnePageAtOnce()
    {
        var before = new PersonalizationBackfillState { Completed = true, LastOrderId = 7, UpToOrderId = 7, OrdersBackfilled = 7 };
        _services.Settings.Save(before);
        for (var i = 0; i < OrderBackfillService.PAGE_SIZE + 20; i++)
            _services.AddOrder(customerId: 1 + i % 3, productIds: [100 + i % 5]);
        var newest = _services.Orders.Rows[^1].Id;

        using var controller = Controller();
        var result = await controller.Backfill();

        ShouldGoBackToTheConfigurationPage(result);
        _services.Events.Rows.Should().HaveCount(OrderBackfillService.PAGE_SIZE, "the immediate run does one page; the task does the rest");
        _services.Events.Rows.Should().OnlyContain(e => e.EventType == (int)InteractionType.Purchase);
        var state = _services.Settings.Load<PersonalizationBackfillState>();
        (state.Completed, state.LastOrderId, state.UpToOrderId, state.OrdersBackfilled).Should().Be((false, OrderBackfillService.PAGE_SIZE, newest, OrderBackfillService.PAGE_SIZE));
        state.RequestedOnUtc.Should().Be(AdminServices.Now.UtcDateTime);
        _shown.Should().Equal((NotifyType.Success, $"started {OrderBackfillService.PAGE_SIZE} orders, {OrderBackfillService.PAGE_SIZE} events, at {OrderBackfillService.PAGE_SIZE} of {newest}"));
        _services.FarmLock.Verify(l => l.TryRunAsync(OrderBackfillService.LOCK_KEY, It.IsAny<TimeSpan>(), It.IsAny<Func<CancellationToken, Task>>()), Times.Once);
    }

    [Test]
    public async Task ABackfillLargerThanOnePageIsFinishedInTheBackgroundAndItsProgressSaysSo()
    {
        for (var i = 0; i < OrderBackfillService.PAGE_SIZE * 2 + 20; i++)
            _services.AddOrder(customerId: 1 + i % 3, productIds: [100 + i % 5]);
        Format("Plugins.Misc.Personalization.Progress.Finished", "{0} (took {1}, {2} ago)");
        Format("Plugins.Misc.Personalization.Progress.Backfill.Completed", "completed {0}/{1}/{2}");
        await _backgroundBackfill.StartAsync(CancellationToken.None);
        try
        {
            using var controller = Controller();
            await controller.Backfill();

            await Until(() => _services.Settings.Load<PersonalizationBackfillState>().Completed, "the background backfill completes");
            _services.Events.Rows.Should().HaveCount(OrderBackfillService.PAGE_SIZE * 2 + 20, "every order is backfilled without the scheduled task");

            var progress = (await controller.Progress()).Should().BeOfType<JsonResult>().Which.Value.Should().BeOfType<LongWorkListModel>().Subject;
            progress.Running.Should().BeFalse();
            var backfill = progress.Items.Single(item => item.Work == "Backfill");
            (backfill.State, backfill.Percent, backfill.Text).Should().Be(("Succeeded", 100, "completed 520/520/0 (took 0:00, 0:00 ago)"),
                "the background run's own outcome: the rest after the immediate page");
            progress.Items.Single(item => item.Work == "Training").State.Should().Be("NotStarted");
        }
        finally
        {
            await _backgroundBackfill.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task TheProgressOfARunningTrainingNamesItsStepAndTheOutcomeOnceItIsDone()
    {
        Format("Plugins.Misc.Personalization.Progress.Training.Running", "{0}: step {1} of {2}, {4}");
        Format("Plugins.Misc.Personalization.Progress.Stage.Train", "training");
        Format("Plugins.Misc.Personalization.Progress.Finished", "{0} (took {1}, {2} ago)");
        Format("Plugins.Misc.Personalization.Progress.Training.Trained", "trained from {0} interactions, {1} products, {2} stores");
        _services.WorkBoard.Start(LongWork.Training, 0, ModelTrainingService.Stages.Count, "ReadCatalog");
        _services.WorkBoard.Step(LongWork.Training, 3, ModelTrainingService.Stages.Count, "Train");
        _services.Clock.Advance(TimeSpan.FromSeconds(75));

        using var controller = Controller();
        var running = (LongWorkListModel)((JsonResult)await controller.Progress()).Value!;
        running.Running.Should().BeTrue("the page asks again while something runs");
        running.Items.Single(item => item.Work == "Training").Text.Should().Be("training: step 4 of 6, 1:15");

        _services.WorkBoard.Finish(LongWork.Training, true, "Plugins.Misc.Personalization.Progress.Training.Trained", "1200", "80", "1");
        _services.Clock.Advance(TimeSpan.FromMinutes(2));
        var done = (LongWorkListModel)((JsonResult)await controller.Progress()).Value!;
        done.Running.Should().BeFalse();
        done.Items.Single(item => item.Work == "Training").Text.Should().Be("trained from 1200 interactions, 80 products, 1 stores (took 1:15, 2:00 ago)");
    }

    [Test]
    public async Task TrainingFromTheButtonReportsItsOutcomeToTheProgress()
    {
        _services.AddOrder(customerId: 1, productIds: [100, 101]);
        using var controller = Controller();
        await controller.Backfill();
        await controller.Train();

        await Until(() => _services.WorkBoard.Get(LongWork.Training).State != Nop.Plugin.Misc.Personalization.Engine.Progress.WorkState.Running
            && _services.WorkBoard.Get(LongWork.Training).State != Nop.Plugin.Misc.Personalization.Engine.Progress.WorkState.NotStarted, "training finishes");
        var training = _services.WorkBoard.Get(LongWork.Training);
        (training.State, training.OutcomeKey).Should().Be((Nop.Plugin.Misc.Personalization.Engine.Progress.WorkState.Succeeded,
            "Plugins.Misc.Personalization.Progress.Training.Trained"));
        training.OutcomeArguments[0].Should().Be("2", "two purchases were backfilled and trained on");
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"waited 30 s for: {what}");
            await Task.Delay(20);
        }
    }

    [Test]
    public async Task ASmallShopIsBackfilledAtOnce()
    {
        _services.AddOrder(customerId: 1, productIds: [100, 101]);
        _services.AddOrder(customerId: 2, productIds: [100]);

        using var controller = Controller();
        await controller.Backfill();

        _services.Events.Rows.Should().HaveCount(3);
        _services.Settings.Load<PersonalizationBackfillState>().Completed.Should().BeTrue();
        _shown.Should().Equal((NotifyType.Success, "completed 2 orders, 3 events, 0 skipped"));
    }

    [Test]
    public async Task WhileTheTaskHoldsTheLockTheBackfillIsOnlyRequested()
    {
        _services.Settings.Save(new PersonalizationBackfillState { Completed = true, LastOrderId = 7 });
        _services.AddOrder(customerId: 1, productIds: [100]);
        _services.FarmLock.Setup(l => l.TryRunAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<Func<CancellationToken, Task>>())).ReturnsAsync(false);

        using var controller = Controller();
        ShouldGoBackToTheConfigurationPage(await controller.Backfill());

        _services.Events.Rows.Should().BeEmpty();
        var state = _services.Settings.Load<PersonalizationBackfillState>();
        (state.Completed, state.LastOrderId, state.RequestedOnUtc).Should().Be((false, 0, AdminServices.Now.UtcDateTime));
        _shown.Should().Equal((NotifyType.Success, "Plugins.Misc.Personalization.Data.Backfill.Queued"));
    }

    [Test]
    public async Task ABackfillFailureIsLoggedAndShownNotThrown()
    {
        var failure = new InvalidOperationException("database is gone");
        _services.Orders.Mock.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<Order>, IQueryable<Order>>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ThrowsAsync(failure);

        using var controller = Controller();
        var result = await controller.Backfill();

        ShouldGoBackToTheConfigurationPage(result);
        _shown.Should().Equal((NotifyType.Error, "backfill failed: database is gone"));
        ShouldHaveLogged(failure);
    }

    [Test]
    public async Task TrainingReportsWhatItTrainedOn()
    {
        for (var productId = 1; productId <= 4; productId++)
            _services.Products.Add(new Product { Published = true, VisibleIndividually = true, Price = 10m });
        var start = AdminServices.Now.UtcDateTime.AddDays(-2);
        foreach (var (customerId, productId) in new[] { (1, 1), (1, 2), (2, 1), (2, 2), (3, 2), (3, 3) })
            _services.Events.Add(new PersonalizationEvent { StoreId = 1, CustomerId = customerId, ProductId = productId, EventType = (int)InteractionType.View, CreatedOnUtc = start });
        //anonymous events count for the aggregates; impression events are not interactions the models learn from
        _services.Events.Add(new PersonalizationEvent { StoreId = 1, CustomerId = 0, ProductId = 1, EventType = (int)InteractionType.View, CreatedOnUtc = start });
        _services.Events.Add(new PersonalizationEvent { StoreId = 1, CustomerId = 1, ProductId = 0, EventType = (int)InteractionType.RecommendationImpression, Placement = "1", CreatedOnUtc = start });

        using var controller = Controller();
        var result = await controller.Train();

        ShouldGoBackToTheConfigurationPage(result);
        var saved = _services.Snapshots.Rows.Should().ContainSingle().Subject;
        (saved.StoreId, saved.Version).Should().Be((1, 1));
        _shown.Should().ContainSingle().Which.Type.Should().Be(NotifyType.Success);
        _shown[0].Message.Should().StartWith("trained 7 interactions, 4 products, versions #1: v1, ");
        _services.RefreshSignal.Verify(s => s.RequestRefresh(), Times.Once);
        _services.FarmLock.Verify(l => l.TryRunAsync(ModelTrainingService.LOCK_KEY, It.IsAny<TimeSpan>(), It.IsAny<Func<CancellationToken, Task>>()), Times.Once);
    }

    [Test]
    public async Task TrainingThatAnotherNodeIsDoingIsReportedAsSkipped()
    {
        _services.FarmLock.Setup(l => l.TryRunAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<Func<CancellationToken, Task>>())).ReturnsAsync(false);

        using var controller = Controller();
        ShouldGoBackToTheConfigurationPage(await controller.Train());

        _shown.Should().Equal((NotifyType.Warning, "skipped: another node is training"));
        _services.Snapshots.Rows.Should().BeEmpty();
    }

    [Test]
    public async Task TrainingWhileThePluginIsDisabledIsReportedAsSkipped()
    {
        var settings = PersonalizationSettings.Defaults();
        settings.Enabled = false;
        _services.Settings.Save(settings);

        using var controller = Controller();
        await controller.Train();

        _shown.Should().Equal((NotifyType.Warning, "skipped: disabled"));
    }

    [Test]
    public async Task ATrainingFailureIsLoggedAndShownNotThrown()
    {
        var failure = new TimeoutException("query timed out");
        _services.Events.Mock.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<PersonalizationEvent>, IQueryable<PersonalizationEvent>>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ThrowsAsync(failure);

        using var controller = Controller();
        var result = await controller.Train();

        ShouldGoBackToTheConfigurationPage(result);
        _shown.Should().Equal((NotifyType.Error, "training failed: query timed out"));
        _trainerLogger.Errors.Should().ContainSingle().Which.Exception.Should().BeSameAs(failure);
    }

    [Test]
    public async Task WhenEvenTheMessageCannotBeLocalizedTheFailureIsStillShown()
    {
        _services.FarmLock.Setup(l => l.TryRunAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<Func<CancellationToken, Task>>()))
            .ThrowsAsync(new InvalidOperationException("cache down"));
        _services.Localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ThrowsAsync(new InvalidOperationException("no resources"));

        using var controller = Controller();
        var result = await controller.Train();

        ShouldGoBackToTheConfigurationPage(result);
        _notifications.Verify(n => n.ErrorNotification(It.Is<string>(m => m.Contains("cache down")), true, 0), Times.Once);
    }

    [Test]
    public async Task TrainingThatOutlastsTheWaitIsReportedAsContinuingAndStillSavesItsModel()
    {
        _services.Products.Add(new Product { Published = true, VisibleIndividually = true, Price = 10m });
        _services.Events.Add(new PersonalizationEvent { StoreId = 1, CustomerId = 1, ProductId = 1, EventType = (int)InteractionType.View, CreatedOnUtc = AdminServices.Now.UtcDateTime.AddDays(-1) });
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _services.FarmLock.Setup(l => l.TryRunAsync(ModelTrainingService.LOCK_KEY, It.IsAny<TimeSpan>(), It.IsAny<Func<CancellationToken, Task>>()))
            .Returns(async (string _, TimeSpan _, Func<CancellationToken, Task> work) =>
            {
                entered.SetResult();
                await release.Task;
                await work(CancellationToken.None);
                finished.SetResult();
                return true;
            });

        using var controller = Controller();
        var pending = controller.Train();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        pending.IsCompleted.Should().BeFalse("the button waits for the run up to its budget");
        _services.Clock.Advance(PersonalizationDataController.TrainingWaitBudget);

        ShouldGoBackToTheConfigurationPage(await pending.WaitAsync(TimeSpan.FromSeconds(10)));
        _shown.Should().Equal((NotifyType.Success, "training continues in the background"));
        _services.Snapshots.Rows.Should().BeEmpty();

        release.SetResult();
        await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _services.Snapshots.Rows.Should().ContainSingle();
    }

    private PersonalizationDataController Controller() =>
        new(_backgroundBackfill, _services.Backfill(), _services.FarmLock.Object, new LongWorkModelFactory(_services.Localization.Object, _services.WorkBoard),
            _services.Localization.Object, _logger, _notifications.Object, _services.Clock, _trainer);

    private void Format(string key, string format) =>
        _services.Localization.Setup(l => l.GetResourceAsync(key)).ReturnsAsync(format);

    private static void ShouldGoBackToTheConfigurationPage(IActionResult result) =>
        result.Should().BeOfType<RedirectToRouteResult>().Which.RouteName.Should().Be(PersonalizationDefaults.ConfigurationRouteName);

    private void ShouldHaveLogged(Exception exception) =>
        _logger.Errors.Should().ContainSingle().Which.Exception.Should().BeSameAs(exception);
}

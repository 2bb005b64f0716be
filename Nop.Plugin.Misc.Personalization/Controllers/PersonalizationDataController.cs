using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Models.Status;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// The data card's buttons on the configuration page: rebuild purchase history from orders, retrain the models now.
/// Training runs in the background trainer; the button waits a short while for it so a small shop sees the result at
/// once, and a large one is told it continues in the background instead of running into a proxy's timeout.
/// Reached through the admin area's conventional route (Admin/PersonalizationData/{action}). Failures are logged and
/// shown as a notification on the configuration page, never as an error page.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class PersonalizationDataController : BasePluginController
{
    public const int IMMEDIATE_BACKFILL_PAGES = 1;
    public static readonly TimeSpan ImmediateBackfillBudget = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan TrainingWaitBudget = TimeSpan.FromSeconds(20);

    private readonly BackgroundBackfill _backgroundBackfill;
    private readonly OrderBackfillService _backfillService;
    private readonly IFarmLock _farmLock;
    private readonly LongWorkModelFactory _longWorkModelFactory;
    private readonly ILocalizationService _localizationService;
    private readonly IShopLog _log;
    private readonly INotificationService _notificationService;
    private readonly TimeProvider _timeProvider;
    private readonly ITrainingRequests _trainingRequests;

    public PersonalizationDataController(BackgroundBackfill backgroundBackfill,
        OrderBackfillService backfillService,
        IFarmLock farmLock,
        LongWorkModelFactory longWorkModelFactory,
        ILocalizationService localizationService,
        IShopLog shopLog,
        INotificationService notificationService,
        TimeProvider timeProvider,
        ITrainingRequests trainingRequests)
    {
        _backgroundBackfill = backgroundBackfill;
        _backfillService = backfillService;
        _longWorkModelFactory = longWorkModelFactory;
        _farmLock = farmLock;
        _localizationService = localizationService;
        _log = shopLog;
        _notificationService = notificationService;
        _timeProvider = timeProvider;
        _trainingRequests = trainingRequests;
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Backfill()
    {
        try
        {
            await _backfillService.RequestAsync();

            //the scheduled task takes the same lock on every node, so the two never work on the same orders at once
            BackfillProgress progress = null;
            var ran = await _farmLock.TryRunAsync(OrderBackfillService.LOCK_KEY, OrderBackfillService.LockDuration,
                async _ => progress = await _backfillService.RunAsync(IMMEDIATE_BACKFILL_PAGES, ImmediateBackfillBudget));

            if (!ran)
                await NotifyAsync(NotifyType.Success, "Plugins.Misc.Personalization.Data.Backfill.Queued");
            else if (progress.Completed)
                await NotifyAsync(NotifyType.Success, "Plugins.Misc.Personalization.Data.Backfill.Completed", progress.OrdersDone, progress.EventsWritten, progress.OrdersSkipped);
            else
            {
                //the rest runs now in the background; the data card shows its progress
                _backgroundBackfill.Request();
                await NotifyAsync(NotifyType.Success, "Plugins.Misc.Personalization.Data.Backfill.Started", progress.OrdersDone, progress.EventsWritten, progress.LastOrderId, progress.UpToOrderId);
            }
        }
        catch (Exception exception)
        {
            await FailedAsync(exception, "backfill", "Plugins.Misc.Personalization.Data.Backfill.Failed");
        }

        return BackToConfiguration();
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Train()
    {
        try
        {
            var run = _trainingRequests.RequestAsync();
            using var stopWaiting = new CancellationTokenSource();
            var waited = Task.Delay(TrainingWaitBudget, _timeProvider, stopWaiting.Token);
            if (await Task.WhenAny(run, waited) != run)
            {
                await NotifyAsync(NotifyType.Success, "Plugins.Misc.Personalization.Data.Train.Started");
                return BackToConfiguration();
            }
            await stopWaiting.CancelAsync();

            var result = await run;
            if (result.Trained)
            {
                await NotifyAsync(NotifyType.Success, "Plugins.Misc.Personalization.Data.Train.Trained",
                    result.Interactions, result.Products, Versions(result.VersionByStore), result.Duration.TotalSeconds.ToString("0.0", CultureInfo.CurrentCulture));
            }
            else if (result.Failure != null)
            {
                //the trainer has logged it
                await ShowFailureAsync(result.Failure, "training", "Plugins.Misc.Personalization.Data.Train.Failed");
            }
            else
            {
                await NotifyAsync(NotifyType.Warning, "Plugins.Misc.Personalization.Data.Train.Skipped", result.SkippedBecause ?? string.Empty);
            }
        }
        catch (Exception exception)
        {
            await FailedAsync(exception, "training", "Plugins.Misc.Personalization.Data.Train.Failed");
        }

        return BackToConfiguration();
    }

    /// <summary>
    /// Where the backfill and training stand on this node, for the data card to show without reloading the page.
    /// </summary>
    [HttpGet]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Progress() => Json(await _longWorkModelFactory.PrepareAsync());

    private static string Versions(IReadOnlyDictionary<int, int> versionByStore) =>
        versionByStore.Count == 0
            ? "-"
            : string.Join(", ", versionByStore.OrderBy(pair => pair.Key).Select(pair => $"#{pair.Key}: v{pair.Value}"));

    private async Task NotifyAsync(NotifyType type, string resourceKey, params object[] arguments)
    {
        var message = await LocalizedMessages.FormatAsync(_localizationService, resourceKey, arguments);
        _notificationService.Notification(type, message);
    }

    private async Task FailedAsync(Exception exception, string what, string resourceKey)
    {
        _log.Error($"the {what} started from the configuration page failed.", exception);
        await ShowFailureAsync(exception, what, resourceKey);
    }

    private async Task ShowFailureAsync(Exception exception, string what, string resourceKey)
    {
        try
        {
            await NotifyAsync(NotifyType.Error, resourceKey, exception.Message);
        }
        catch (Exception notifyException)
        {
            //the localization service may be what failed; the shop owner still gets a message
            _log.Error("could not localize the failure message.", notifyException);
            _notificationService.ErrorNotification($"{what} failed: {exception.Message}");
        }
    }

    private IActionResult BackToConfiguration() => RedirectToRoute(PersonalizationDefaults.ConfigurationRouteName);
}

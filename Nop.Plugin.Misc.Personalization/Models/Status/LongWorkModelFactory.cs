using System.Globalization;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Engine.Progress;
using Nop.Plugin.Misc.Personalization.Services.Progress;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// Puts the backfill's and the training's progress into words: what is being done, how much of it, for how long and
/// about how long is left; once finished, the outcome and when.
/// </summary>
public class LongWorkModelFactory
{
    private const string PREFIX = "Plugins.Misc.Personalization.Progress.";

    private readonly ILocalizationService _localizationService;
    private readonly LongWorkBoard _workBoard;

    public LongWorkModelFactory(ILocalizationService localizationService, LongWorkBoard workBoard)
    {
        _localizationService = localizationService;
        _workBoard = workBoard;
    }

    public virtual async Task<LongWorkListModel> PrepareAsync()
    {
        var now = _workBoard.UtcNow;
        var items = new List<LongWorkModel>();
        foreach (var work in new[] { LongWork.Backfill, LongWork.Training })
            items.Add(await PrepareAsync(work, _workBoard.Get(work), now));

        return new LongWorkListModel(items.Exists(item => item.Running), items);
    }

    private async Task<LongWorkModel> PrepareAsync(LongWork work, WorkProgress progress, DateTime now)
    {
        var name = await _localizationService.GetResourceAsync($"{PREFIX}{work}");
        var estimate = progress.Estimate(now);
        return new LongWorkModel(work.ToString(), name, progress.State.ToString(), progress.IsRunning, estimate.Percent, await TextAsync(work, progress, estimate, now));
    }

    private async Task<string> TextAsync(LongWork work, WorkProgress progress, ProgressEstimate estimate, DateTime now)
    {
        switch (progress.State)
        {
            case WorkState.NotStarted:
                return await _localizationService.GetResourceAsync($"{PREFIX}NotStarted");

            case WorkState.Running:
                var stage = await _localizationService.GetResourceAsync($"{PREFIX}Stage.{progress.Stage}");
                //training counts stages: "step 2 of 6" is its position, the step it is in
                var position = work == LongWork.Training ? Math.Min(progress.Done + 1, Math.Max(progress.Total, 1)) : progress.Done;
                var text = await LocalizedMessages.FormatAsync(_localizationService, $"{PREFIX}{work}.Running",
                    [stage, position.ToString("N0", CultureInfo.CurrentCulture), progress.Total.ToString("N0", CultureInfo.CurrentCulture),
                        estimate.Percent, Duration(progress.Elapsed(now))]);
                return estimate.Remaining is { } remaining && work == LongWork.Backfill
                    ? text + await LocalizedMessages.FormatAsync(_localizationService, $"{PREFIX}Remaining", [Duration(remaining)])
                    : text;

            default:
                var outcome = string.IsNullOrEmpty(progress.OutcomeKey)
                    ? string.Empty
                    : await LocalizedMessages.FormatAsync(_localizationService, progress.OutcomeKey, progress.OutcomeArguments.Cast<object>().ToArray());
                return await LocalizedMessages.FormatAsync(_localizationService, $"{PREFIX}Finished",
                    [outcome, Duration(progress.Elapsed(now)), Duration(now - (progress.FinishedOnUtc ?? now))]);
        }
    }

    /// <summary>
    /// Minutes and seconds ("2:05"), with hours when it takes that long ("1:02:05").
    /// </summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
            duration = TimeSpan.Zero;

        return duration.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}:{duration.Minutes:00}:{duration.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}:{duration.Seconds:00}");
    }
}

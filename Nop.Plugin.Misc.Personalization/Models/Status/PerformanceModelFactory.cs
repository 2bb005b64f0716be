using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Services.Reporting;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// Turns the placement report into the performance card, with localized strategy names and period choices.
/// </summary>
public class PerformanceModelFactory
{
    private readonly ILocalizationService _localizationService;
    private readonly PlacementReportCache _reportCache;
    private readonly PlacementReportService _reportService;

    public PerformanceModelFactory(ILocalizationService localizationService, PlacementReportCache reportCache, PlacementReportService reportService)
    {
        _localizationService = localizationService;
        _reportCache = reportCache;
        _reportService = reportService;
    }

    public virtual async Task<PerformanceModel> PrepareAsync(int storeScope, int days)
    {
        days = PlacementReportService.NormalizeDays(days);
        var report = await _reportCache.GetOrBuildAsync(storeScope, days, () => _reportService.BuildAsync(storeScope, days));

        var model = new PerformanceModel { Days = days, FromUtc = report.FromUtc, ToUtc = report.ToUtc };
        foreach (var period in PlacementReportService.Periods)
        {
            var text = await LocalizedMessages.FormatAsync(_localizationService, "Plugins.Misc.Personalization.Performance.LastDays", [period]);
            model.AvailablePeriods.Add(new SelectListItem(text, period.ToString(CultureInfo.InvariantCulture), period == days));
        }

        foreach (var row in report.Rows)
        {
            var performance = row.Performance;
            model.Rows.Add(new PerformanceRowModel
            {
                PlacementKey = row.PlacementKey,
                Deleted = row.Placement == null,
                Title = row.Placement?.Title,
                WidgetZone = row.Placement?.WidgetZone,
                Strategy = row.Placement == null ? null : await StrategyNameAsync(row.Placement.Strategy),
                Impressions = performance.Impressions,
                ProductsShown = performance.ProductsShown,
                Clicks = performance.Clicks,
                ClickThroughRate = performance.ClickThroughRate,
                AttributedOrders = performance.AttributedOrders,
                AttributedOrderLines = performance.AttributedOrderLines,
                AttributedRevenue = performance.AttributedRevenue
            });
        }

        foreach (var email in report.Emails)
        {
            model.Emails.Add(new EmailPerformanceRowModel
            {
                Kind = await _localizationService.GetResourceAsync($"Plugins.Misc.Personalization.Performance.Email.{email.Kind}"),
                Sent = email.Sent,
                Opened = email.Opened,
                OpenRate = email.OpenRate,
                Clicked = email.Clicked,
                ClickRate = email.ClickRate,
                AttributedOrders = email.AttributedOrders,
                AttributedRevenue = email.AttributedRevenue
            });
        }

        model.Lift = ToModel(report.Lift);
        model.Chart = await ChartAsync(report);

        return model;
    }

    private async Task<PerformanceChartModel> ChartAsync(PlacementReport report)
    {
        var rows = report.Rows.ToDictionary(row => row.PlacementKey, StringComparer.Ordinal);
        var chart = new PerformanceChartModel
        {
            Days = report.Daily.Days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList()
        };
        foreach (var series in report.Daily.Placements)
        {
            var row = rows.GetValueOrDefault(series.Placement);
            var name = row?.Placement?.Title is { Length: > 0 } title ? $"{title} ({series.Placement})" : series.Placement;
            chart.Placements.Add(new PerformanceChartSeries(name, series.Impressions.ToList(), series.Clicks.ToList(),
                series.Impressions.Zip(series.Clicks, (impressions, clicks) => impressions == 0 ? (double?)null : (double)clicks / impressions).ToList(),
                row?.Performance.AttributedRevenue ?? 0m));
        }

        foreach (var key in new[] { "Traffic", "Impressions", "Clicks", "ClickThroughRate", "Revenue" })
            chart.Labels[key] = await _localizationService.GetResourceAsync($"Plugins.Misc.Personalization.Performance.Chart.{key}");

        return chart;
    }

    private static LiftModel ToModel(HoldoutLift lift)
    {
        var interval = lift.ConversionDifferenceInterval;
        var verdict = lift.Verdict;

        return new LiftModel
        {
            Status = lift.Status,
            HoldoutPercent = lift.HoldoutPercent,
            TreatedCustomers = lift.Treated.Customers,
            TreatedBuyers = lift.Treated.Buyers,
            TreatedConversionRate = lift.Treated.ConversionRate,
            TreatedRevenuePerCustomer = lift.Treated.RevenuePerCustomer,
            HeldOutCustomers = lift.HeldOut.Customers,
            HeldOutBuyers = lift.HeldOut.Buyers,
            HeldOutConversionRate = lift.HeldOut.ConversionRate,
            HeldOutRevenuePerCustomer = lift.HeldOut.RevenuePerCustomer,
            ConversionDifference = lift.ConversionDifference,
            ConversionDifferenceLow = interval?.Low,
            ConversionDifferenceHigh = interval?.High,
            RevenuePerCustomerLift = lift.RevenuePerCustomerLift,
            Verdict = verdict.Kind,
            RelativeLift = verdict.RelativeLift,
            RelativeLow = verdict.RelativeLow,
            RelativeHigh = verdict.RelativeHigh
        };
    }

    private async Task<string> StrategyNameAsync(string storedName)
    {
        return PlacementModelValidator.ParseStrategy(storedName) is { } strategy
            ? await _localizationService.GetResourceAsync(PlacementModelValidator.StrategyResourceKey(strategy))
            : storedName;
    }
}

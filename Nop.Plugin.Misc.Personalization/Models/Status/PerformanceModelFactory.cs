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
    private readonly PlacementReportService _reportService;

    public PerformanceModelFactory(ILocalizationService localizationService, PlacementReportService reportService)
    {
        _localizationService = localizationService;
        _reportService = reportService;
    }

    public virtual async Task<PerformanceModel> PrepareAsync(int storeScope, int days)
    {
        days = PlacementReportService.NormalizeDays(days);
        var report = await _reportService.BuildAsync(storeScope, days);

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

        model.Lift = ToModel(report.Lift);

        return model;
    }

    private static LiftModel ToModel(HoldoutLift lift)
    {
        var interval = lift.ConversionDifferenceInterval;

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
            RevenuePerCustomerLift = lift.RevenuePerCustomerLift
        };
    }

    private async Task<string> StrategyNameAsync(string storedName)
    {
        return PlacementModelValidator.ParseStrategy(storedName) is { } strategy
            ? await _localizationService.GetResourceAsync(PlacementModelValidator.StrategyResourceKey(strategy))
            : storedName;
    }
}

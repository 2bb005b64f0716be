using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Health;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Health;
using Nop.Services.Localization;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// The health checklist of the store the admin looks at (every store when the admin looks at all of them), in the
/// admin's language.
/// </summary>
public class HealthModelFactory
{
    private readonly HealthFactsReader _factsReader;
    private readonly ILocalizationService _localizationService;
    private readonly IStoreService _storeService;

    public HealthModelFactory(HealthFactsReader factsReader, ILocalizationService localizationService, IStoreService storeService)
    {
        _factsReader = factsReader;
        _localizationService = localizationService;
        _storeService = storeService;
    }

    public virtual async Task<HealthModel> PrepareAsync(int storeScope)
    {
        var model = new HealthModel();
        foreach (var store in await _storeService.GetAllStoresAsync())
        {
            if (storeScope > 0 && store.Id != storeScope)
                continue;

            var checks = HealthRules.Evaluate(await _factsReader.ReadAsync(store.Id));
            var lines = new List<HealthLineModel>();
            foreach (var check in checks)
                lines.Add(await LineAsync(check));
            var next = HealthRules.NextStep(checks);
            model.Stores.Add(new StoreHealthModel(store.Id, store.Name, lines, next == null ? null : lines[checks.ToList().IndexOf(next)]));
        }

        return model;
    }

    private async Task<HealthLineModel> LineAsync(HealthCheck check)
    {
        var title = await _localizationService.GetResourceAsync($"Plugins.Misc.Personalization.Health.{check.Item}");
        var text = await _localizationService.GetResourceAsync($"Plugins.Misc.Personalization.Health.Reason.{check.Reason}");
        var values = check.Values.Select(Format).ToArray();
        if (values.Length > 0)
            text = string.Format(CultureInfo.CurrentCulture, text, values);

        var kinds = new List<string>();
        foreach (var (kind, count) in check.Breakdown)
            kinds.Add($"{await _localizationService.GetResourceAsync(CustomerInsightResources.Interaction(kind))}: {count.ToString("N0", CultureInfo.CurrentCulture)}");
        if (kinds.Count > 0)
            text += " (" + string.Join(" · ", kinds) + ")";

        return new HealthLineModel(check.Item, check.State, check.Reason, title, text);
    }

    private static object Format(object value) => value switch
    {
        DateTime utc => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC",
        long number => number.ToString("N0", CultureInfo.CurrentCulture),
        _ => value
    };
}

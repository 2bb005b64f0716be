using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Migrations;

namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Adds counted impressions to the daily counter rows of one counting process, and reads them back for the report.
/// </summary>
public class ImpressionCountStore
{
    private readonly IRepository<PersonalizationImpressionCount> _countRepository;

    public ImpressionCountStore(IRepository<PersonalizationImpressionCount> countRepository)
    {
        _countRepository = countRepository;
    }

    /// <summary>
    /// The name this process writes its rows under: only one process has it, so no other writer touches its rows and a
    /// read-then-update cannot lose another node's counts.
    /// </summary>
    public static string ThisProcess { get; } = Truncate($"{Environment.MachineName}:{Environment.ProcessId}");

    /// <summary>
    /// Adds the <paramref name="pending"/> counts to <paramref name="counter"/>'s rows: one statement per existing row,
    /// then one insert for the new ones. Each stored delta leaves <paramref name="pending"/>, so when a statement fails
    /// (and the exception is thrown) what is left there is exactly what was not stored.
    /// </summary>
    public async Task AddAsync(List<ImpressionDelta> pending, string counter)
    {
        if (pending.Count == 0)
            return;

        var firstDay = pending.Min(delta => delta.Key.DayUtc);
        var rows = (await _countRepository.GetAllAsync(query => query
                .Where(row => row.Counter == counter && row.DayUtc >= firstDay)))
            .ToDictionary(row => new ImpressionKey(row.StoreId, row.PlacementId, row.DayUtc));

        foreach (var delta in pending.Where(delta => rows.ContainsKey(delta.Key)).ToList())
        {
            var row = rows[delta.Key];
            row.Renders += delta.Renders;
            row.ProductsShown += delta.ProductsShown;
            row.HiddenRenders += delta.HiddenRenders;
            row.ZoneRenders += delta.ZoneRenders;
            await _countRepository.UpdateAsync(row, publishEvent: false);
            pending.Remove(delta);
        }

        if (pending.Count == 0)
            return;

        await _countRepository.InsertAsync(pending.Select(delta => new PersonalizationImpressionCount
        {
            StoreId = delta.Key.StoreId,
            PlacementId = delta.Key.PlacementId,
            DayUtc = delta.Key.DayUtc,
            Counter = counter,
            Renders = delta.Renders,
            ProductsShown = delta.ProductsShown,
            HiddenRenders = delta.HiddenRenders,
            ZoneRenders = delta.ZoneRenders
        }).ToList(), publishEvent: false);
        pending.Clear();
    }

    /// <summary>Renders per placement and UTC day over the days from <paramref name="fromUtc"/>'s day to <paramref name="toUtc"/>.</summary>
    /// <param name="storeId">0 = every store.</param>
    public async Task<IReadOnlyList<(int PlacementId, DateTime DayUtc, long Renders)>> DailyAsync(int storeId, DateTime fromUtc, DateTime toUtc)
    {
        var fromDay = fromUtc.Date;
        var rows = await _countRepository.GetAllAsync(query =>
        {
            query = query.Where(row => row.DayUtc >= fromDay && row.DayUtc <= toUtc);
            return storeId > 0 ? query.Where(row => row.StoreId == storeId) : query;
        });

        return rows.GroupBy(row => (row.PlacementId, row.DayUtc))
            .Select(group => (group.Key.PlacementId, group.Key.DayUtc, group.Sum(row => (long)row.Renders)))
            .OrderBy(day => day.PlacementId).ThenBy(day => day.DayUtc)
            .ToList();
    }

    /// <summary>
    /// The counts per placement over the days from <paramref name="fromUtc"/>'s day to <paramref name="toUtc"/>.
    /// </summary>
    /// <param name="storeId">0 = every store.</param>
    public async Task<IReadOnlyDictionary<int, PlacementCounts>> SumAsync(int storeId, DateTime fromUtc, DateTime toUtc)
    {
        var fromDay = fromUtc.Date;
        var rows = await _countRepository.GetAllAsync(query =>
        {
            query = query.Where(row => row.DayUtc >= fromDay && row.DayUtc <= toUtc);
            return storeId > 0 ? query.Where(row => row.StoreId == storeId) : query;
        });

        return rows.GroupBy(row => row.PlacementId)
            .ToDictionary(group => group.Key, group => new PlacementCounts(group.Sum(row => row.Renders), group.Sum(row => row.ProductsShown),
                group.Sum(row => row.HiddenRenders), group.Sum(row => row.ZoneRenders)));
    }

    private static string Truncate(string name) =>
        name.Length <= ImpressionCountMigration.COUNTER_LENGTH ? name : name[..ImpressionCountMigration.COUNTER_LENGTH];
}

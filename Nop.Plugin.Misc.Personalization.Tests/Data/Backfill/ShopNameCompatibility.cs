using Nop.Data.Mapping;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Backfill;

/// <summary>
/// The plugin's table names plus the nopCommerce tables of <see cref="ShopOrderTablesMigration"/>, which nopCommerce
/// names after their entities; fed to the tests' mapping so one linq2db context sees both.
/// </summary>
public sealed class ShopNameCompatibility : INameCompatibility
{
    private readonly PersonalizationNameCompatibility _plugin = new();

    public Dictionary<Type, string> TableNames =>
        _plugin.TableNames.Concat(ShopOrderTablesMigration.Entities.Select(entity => KeyValuePair.Create(entity, entity.Name))).ToDictionary();

    public Dictionary<(Type, string), string> ColumnName => _plugin.ColumnName;
}

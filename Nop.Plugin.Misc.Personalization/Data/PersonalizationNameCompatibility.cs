using Nop.Data.Mapping;

namespace Nop.Plugin.Misc.Personalization.Data;

/// <summary>
/// Tells nopCommerce's linq2db mapping that the plugin's entities live in the Personalization_ tables.
/// </summary>
public class PersonalizationNameCompatibility : INameCompatibility
{
    public Dictionary<Type, string> TableNames => PersonalizationTables.ByEntity.ToDictionary(pair => pair.Key, pair => pair.Value);

    public Dictionary<(Type, string), string> ColumnName => new();
}

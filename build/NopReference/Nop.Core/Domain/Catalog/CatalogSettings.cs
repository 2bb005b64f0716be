using Nop.Core.Configuration;

namespace Nop.Core.Domain.Catalog;

public partial class CatalogSettings : ISettings
{
    public bool UseStandardSearchWhenSearchProviderThrowsException { get; set; }

    public string ActiveSearchProviderSystemName { get; set; }
}

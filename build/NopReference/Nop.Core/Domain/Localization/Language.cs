using Nop.Core.Domain.Stores;

namespace Nop.Core.Domain.Localization;

public partial class Language : BaseEntity, IStoreMappingSupported
{
    public string Name { get; set; }

    public string LanguageCulture { get; set; }

    public string UniqueSeoCode { get; set; }

    public bool LimitedToStores { get; set; }

    public bool Published { get; set; }
}

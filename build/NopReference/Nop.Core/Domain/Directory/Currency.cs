using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;

namespace Nop.Core.Domain.Directory;

public partial class Currency : BaseEntity, ILocalizedEntity, IStoreMappingSupported
{
    public bool LimitedToStores { get; set; }

    public bool Published { get; set; }
}

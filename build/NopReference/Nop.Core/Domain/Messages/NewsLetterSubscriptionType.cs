using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;

namespace Nop.Core.Domain.Messages;

public partial class NewsLetterSubscriptionType : BaseEntity, ILocalizedEntity, IStoreMappingSupported
{
    public string Name { get; set; }

    public bool TickedByDefault { get; set; }

    public int DisplayOrder { get; set; }

    public bool LimitedToStores { get; set; }
}

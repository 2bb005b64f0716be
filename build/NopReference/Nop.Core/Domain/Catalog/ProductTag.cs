using Nop.Core.Domain.Common;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Seo;

namespace Nop.Core.Domain.Catalog;

public partial class ProductTag : BaseEntity, ILocalizedEntity, ISlugSupported, IMetaTagsSupported
{
    public string Name { get; set; }

    public string MetaDescription { get; set; }

    public string MetaKeywords { get; set; }

    public string MetaTitle { get; set; }
}

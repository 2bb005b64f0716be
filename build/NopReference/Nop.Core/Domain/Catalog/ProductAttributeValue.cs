using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Catalog;

public partial class ProductAttributeValue : BaseEntity, ILocalizedEntity
{
    public int ProductAttributeMappingId { get; set; }

    public int AttributeValueTypeId { get; set; }

    public int AssociatedProductId { get; set; }

    public string Name { get; set; }

    public string ColorSquaresRgb { get; set; }

    public int DisplayOrder { get; set; }
}

using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Localization;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Services.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

/// <summary>An attribute reader over empty in-memory tables (products from the caller), for services that load the catalog.</summary>
public static class AttributeReaders
{
    public static ProductAttributeReader Empty(IRepository<Product> products) => new(new InMemoryRepository<LocalizedProperty>().Object,
        new InMemoryRepository<ProductAttribute>().Object, new InMemoryRepository<ProductAttributeMapping>().Object,
        new InMemoryRepository<ProductAttributeValue>().Object, products, new InMemoryRepository<ProductSpecificationAttribute>().Object,
        new InMemoryRepository<ProductProductTagMapping>().Object, new InMemoryRepository<ProductTag>().Object,
        new InMemoryRepository<SpecificationAttribute>().Object, new InMemoryRepository<SpecificationAttributeOption>().Object);
}

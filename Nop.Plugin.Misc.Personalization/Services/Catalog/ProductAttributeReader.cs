using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Localization;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

/// <summary>
/// Reads what describes products beyond category, brand and price: the options of filterable specification attributes
/// (option type only; custom texts are free text), product tags and product attribute values, by nopCommerce ids, with
/// their standard and localized names. Every table in id-ordered pages (the tag mapping, which has no Id column, in
/// product id ranges).
/// </summary>
public class ProductAttributeReader
{
    public const int PAGE_SIZE = 5_000;
    private const int OPTION_TYPE = 0;

    private static readonly string[] _localizedGroups =
        [nameof(SpecificationAttribute), nameof(SpecificationAttributeOption), nameof(ProductAttribute), nameof(ProductAttributeValue), nameof(ProductTag)];

    private readonly IRepository<LocalizedProperty> _localizedPropertyRepository;
    private readonly IRepository<ProductAttribute> _productAttributeRepository;
    private readonly IRepository<ProductAttributeMapping> _productAttributeMappingRepository;
    private readonly IRepository<ProductAttributeValue> _productAttributeValueRepository;
    private readonly IRepository<Product> _productRepository;
    private readonly IRepository<ProductSpecificationAttribute> _productSpecificationRepository;
    private readonly IRepository<ProductProductTagMapping> _productTagMappingRepository;
    private readonly IRepository<ProductTag> _productTagRepository;
    private readonly IRepository<SpecificationAttribute> _specificationAttributeRepository;
    private readonly IRepository<SpecificationAttributeOption> _specificationOptionRepository;

    public ProductAttributeReader(IRepository<LocalizedProperty> localizedPropertyRepository,
        IRepository<ProductAttribute> productAttributeRepository,
        IRepository<ProductAttributeMapping> productAttributeMappingRepository,
        IRepository<ProductAttributeValue> productAttributeValueRepository,
        IRepository<Product> productRepository,
        IRepository<ProductSpecificationAttribute> productSpecificationRepository,
        IRepository<ProductProductTagMapping> productTagMappingRepository,
        IRepository<ProductTag> productTagRepository,
        IRepository<SpecificationAttribute> specificationAttributeRepository,
        IRepository<SpecificationAttributeOption> specificationOptionRepository)
    {
        _localizedPropertyRepository = localizedPropertyRepository;
        _productAttributeRepository = productAttributeRepository;
        _productAttributeMappingRepository = productAttributeMappingRepository;
        _productAttributeValueRepository = productAttributeValueRepository;
        _productRepository = productRepository;
        _productSpecificationRepository = productSpecificationRepository;
        _productTagMappingRepository = productTagMappingRepository;
        _productTagRepository = productTagRepository;
        _specificationAttributeRepository = specificationAttributeRepository;
        _specificationOptionRepository = specificationOptionRepository;
    }

    public Task<CatalogAttributes> ReadAsync() => ReadAsync(withProducts: true);

    /// <summary>
    /// Only the names, for checking a rule that names attributes: skips the products' specification and tag mappings.
    /// </summary>
    public async Task<AttributeVocabulary> ReadVocabularyAsync() => (await ReadAsync(withProducts: false)).Vocabulary;

    private async Task<CatalogAttributes> ReadAsync(bool withProducts)
    {
        var localized = await ReadLocalizedNamesAsync();
        var terms = new List<AttributeTerm>();
        var options = new Dictionary<int, HashSet<int>>();
        var tags = new Dictionary<int, HashSet<int>>();
        var values = new Dictionary<int, HashSet<int>>();

        //specification options: the product's filterable option mappings
        var attributeNames = await PagedAsync(lastId => _specificationAttributeRepository.GetAllAsync(query => query
            .Where(attribute => attribute.Id > lastId).OrderBy(attribute => attribute.Id).Take(PAGE_SIZE)), attribute => attribute.Id, attribute => attribute.Name);
        var optionRows = await PagedAsync(lastId => _specificationOptionRepository.GetAllAsync(query => query
            .Where(option => option.Id > lastId).OrderBy(option => option.Id).Take(PAGE_SIZE)), option => option.Id, option => option);
        foreach (var option in optionRows.Values)
            AddTerms(terms, AffinityKind.SpecificationOption, option.Id,
                NamesOf(localized, nameof(SpecificationAttribute), option.SpecificationAttributeId, attributeNames.GetValueOrDefault(option.SpecificationAttributeId)),
                NamesOf(localized, nameof(SpecificationAttributeOption), option.Id, option.Name));
        var lastMapping = 0;
        while (withProducts)
        {
            var after = lastMapping;
            var page = await _productSpecificationRepository.GetAllAsync(query => query
                .Where(mapping => mapping.Id > after && mapping.AllowFiltering && mapping.AttributeTypeId == OPTION_TYPE)
                .OrderBy(mapping => mapping.Id).Take(PAGE_SIZE));
            if (page.Count == 0)
                break;
            foreach (var mapping in page)
            {
                if (optionRows.ContainsKey(mapping.SpecificationAttributeOptionId))
                    Add(options, mapping.ProductId, mapping.SpecificationAttributeOptionId);
            }
            lastMapping = page[^1].Id;
        }

        //tags
        var tagNames = await PagedAsync(lastId => _productTagRepository.GetAllAsync(query => query
            .Where(tag => tag.Id > lastId).OrderBy(tag => tag.Id).Take(PAGE_SIZE)), tag => tag.Id, tag => tag.Name);
        foreach (var (id, name) in tagNames)
            AddTerms(terms, AffinityKind.Tag, id, [null], NamesOf(localized, nameof(ProductTag), id, name));
        if (withProducts)
            await ReadTagMappingsAsync(tagNames, tags);

        //product attribute values: one id per product attribute and standard value name
        var productAttributeNames = await PagedAsync(lastId => _productAttributeRepository.GetAllAsync(query => query
            .Where(attribute => attribute.Id > lastId).OrderBy(attribute => attribute.Id).Take(PAGE_SIZE)), attribute => attribute.Id, attribute => attribute.Name);
        var mappings = await PagedAsync(lastId => _productAttributeMappingRepository.GetAllAsync(query => query
            .Where(mapping => mapping.Id > lastId).OrderBy(mapping => mapping.Id).Take(PAGE_SIZE)
            .Select(mapping => new ProductAttributeMapping { Id = mapping.Id, ProductId = mapping.ProductId, ProductAttributeId = mapping.ProductAttributeId })),
            mapping => mapping.Id, mapping => (mapping.ProductId, mapping.ProductAttributeId));
        var canonical = new Dictionary<(int AttributeId, string Name), int>();
        var valueNames = new Dictionary<int, HashSet<string>>();
        var lastValue = 0;
        while (true)
        {
            var after = lastValue;
            var page = await _productAttributeValueRepository.GetAllAsync(query => query
                .Where(value => value.Id > after).OrderBy(value => value.Id).Take(PAGE_SIZE)
                .Select(value => new ProductAttributeValue { Id = value.Id, ProductAttributeMappingId = value.ProductAttributeMappingId, Name = value.Name }));
            if (page.Count == 0)
                break;
            foreach (var value in page)
            {
                if (string.IsNullOrWhiteSpace(value.Name) || !mappings.TryGetValue(value.ProductAttributeMappingId, out var mapping))
                    continue;
                var key = (mapping.ProductAttributeId, value.Name.Trim().ToUpperInvariant());
                if (!canonical.TryGetValue(key, out var id))
                {
                    canonical[key] = id = value.Id;
                    valueNames[id] = [];
                }
                valueNames[id].UnionWith(NamesOf(localized, nameof(ProductAttributeValue), value.Id, value.Name));
                Add(values, mapping.ProductId, id);
            }
            lastValue = page[^1].Id;
        }
        foreach (var ((attributeId, _), id) in canonical)
            AddTerms(terms, AffinityKind.AttributeValue, id,
                NamesOf(localized, nameof(ProductAttribute), attributeId, productAttributeNames.GetValueOrDefault(attributeId)), valueNames[id]);

        var products = options.Keys.Concat(tags.Keys).Concat(values.Keys).Distinct();
        var byProduct = products.ToDictionary(productId => productId, productId => new ProductAttributes(
            options.TryGetValue(productId, out var o) ? o.Order().ToArray() : [],
            tags.TryGetValue(productId, out var t) ? t.Order().ToArray() : [],
            values.TryGetValue(productId, out var v) ? v.Order().ToArray() : []));
        return new CatalogAttributes(byProduct, new AttributeVocabulary(terms));
    }

    private static void Add(Dictionary<int, HashSet<int>> sets, int productId, int id)
    {
        if (!sets.TryGetValue(productId, out var ids))
            sets[productId] = ids = [];
        ids.Add(id);
    }

    private static void AddTerms(List<AttributeTerm> terms, AffinityKind kind, int id, IEnumerable<string> attributeNames, IEnumerable<string> valueNames)
    {
        var values = valueNames.Where(name => !string.IsNullOrWhiteSpace(name)).Distinct().ToList();
        foreach (var attribute in attributeNames.Distinct())
        {
            foreach (var value in values)
                terms.Add(new AttributeTerm(kind, id, attribute, value));
        }
    }

    private static IEnumerable<string> NamesOf(Dictionary<(string Group, int EntityId), List<string>> localized, string group, int entityId, string standard)
    {
        yield return standard;
        if (localized.TryGetValue((group, entityId), out var names))
        {
            foreach (var name in names)
                yield return name;
        }
    }

    /// <summary>The localized Name of every entity kind read here, in every language.</summary>
    private async Task<Dictionary<(string Group, int EntityId), List<string>>> ReadLocalizedNamesAsync()
    {
        var result = new Dictionary<(string, int), List<string>>();
        var lastId = 0;
        while (true)
        {
            var after = lastId;
            var page = await _localizedPropertyRepository.GetAllAsync(query => query
                .Where(property => property.Id > after && property.LocaleKey == "Name" && _localizedGroups.Contains(property.LocaleKeyGroup))
                .OrderBy(property => property.Id).Take(PAGE_SIZE));
            if (page.Count == 0)
                return result;
            foreach (var property in page)
            {
                if (!result.TryGetValue((property.LocaleKeyGroup, property.EntityId), out var names))
                    result[(property.LocaleKeyGroup, property.EntityId)] = names = [];
                names.Add(property.LocaleValue);
            }
            lastId = page[^1].Id;
        }
    }

    private Task ReadTagMappingsAsync(Dictionary<int, string> tagNames, Dictionary<int, HashSet<int>> tags) =>
        ProductTagMappings.ForEachAsync(_productRepository, _productTagMappingRepository, mapping =>
        {
            if (tagNames.ContainsKey(mapping.ProductTagId))
                Add(tags, mapping.ProductId, mapping.ProductTagId);
        });

    private static async Task<Dictionary<int, TValue>> PagedAsync<TEntity, TValue>(Func<int, Task<IList<TEntity>>> pageAfter, Func<TEntity, int> id, Func<TEntity, TValue> value)
        where TEntity : BaseEntity
    {
        var result = new Dictionary<int, TValue>();
        var lastId = 0;
        while (true)
        {
            var page = await pageAfter(lastId);
            if (page.Count == 0)
                return result;
            foreach (var entity in page)
                result[id(entity)] = value(entity);
            lastId = id(page[^1]);
        }
    }
}

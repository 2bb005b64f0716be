using Nop.Core.Domain.Catalog;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

/// <summary>
/// Names of attribute affinities in the working language ("Material: Wool", a tag's name), read by primary key through
/// nopCommerce's localization; an id that no longer exists has no name.
/// </summary>
public class AttributeNames
{
    private readonly ILocalizationService _localizationService;
    private readonly IRepository<ProductAttribute> _productAttributeRepository;
    private readonly IRepository<ProductAttributeMapping> _productAttributeMappingRepository;
    private readonly IRepository<ProductAttributeValue> _productAttributeValueRepository;
    private readonly IRepository<ProductTag> _productTagRepository;
    private readonly IRepository<SpecificationAttribute> _specificationAttributeRepository;
    private readonly IRepository<SpecificationAttributeOption> _specificationOptionRepository;

    public AttributeNames(ILocalizationService localizationService,
        IRepository<ProductAttribute> productAttributeRepository,
        IRepository<ProductAttributeMapping> productAttributeMappingRepository,
        IRepository<ProductAttributeValue> productAttributeValueRepository,
        IRepository<ProductTag> productTagRepository,
        IRepository<SpecificationAttribute> specificationAttributeRepository,
        IRepository<SpecificationAttributeOption> specificationOptionRepository)
    {
        _localizationService = localizationService;
        _productAttributeRepository = productAttributeRepository;
        _productAttributeMappingRepository = productAttributeMappingRepository;
        _productAttributeValueRepository = productAttributeValueRepository;
        _productTagRepository = productTagRepository;
        _specificationAttributeRepository = specificationAttributeRepository;
        _specificationOptionRepository = specificationOptionRepository;
    }

    public virtual async Task<IReadOnlyDictionary<(AffinityKind Kind, int Id), string>> NamesAsync(IEnumerable<Affinity> affinities)
    {
        var wanted = affinities.Where(affinity => AffinityCalculator.IsAttribute(affinity.Kind)).Select(affinity => (affinity.Kind, affinity.Id)).Distinct().ToList();
        var names = new Dictionary<(AffinityKind, int), string>();
        if (wanted.Count == 0)
            return names;

        var options = await _specificationOptionRepository.GetByIdsAsync(IdsOf(wanted, AffinityKind.SpecificationOption));
        var specifications = (await _specificationAttributeRepository.GetByIdsAsync(options.Select(option => option.SpecificationAttributeId).Distinct().ToList()))
            .ToDictionary(attribute => attribute.Id);
        foreach (var option in options)
        {
            var value = await _localizationService.GetLocalizedAsync(option, entity => entity.Name);
            names[(AffinityKind.SpecificationOption, option.Id)] = specifications.TryGetValue(option.SpecificationAttributeId, out var attribute)
                ? $"{await _localizationService.GetLocalizedAsync(attribute, entity => entity.Name)}: {value}"
                : value;
        }

        foreach (var tag in await _productTagRepository.GetByIdsAsync(IdsOf(wanted, AffinityKind.Tag)))
            names[(AffinityKind.Tag, tag.Id)] = await _localizationService.GetLocalizedAsync(tag, entity => entity.Name);

        var values = await _productAttributeValueRepository.GetByIdsAsync(IdsOf(wanted, AffinityKind.AttributeValue));
        var mappings = (await _productAttributeMappingRepository.GetByIdsAsync(values.Select(value => value.ProductAttributeMappingId).Distinct().ToList()))
            .ToDictionary(mapping => mapping.Id, mapping => mapping.ProductAttributeId);
        var productAttributes = (await _productAttributeRepository.GetByIdsAsync(mappings.Values.Distinct().ToList())).ToDictionary(attribute => attribute.Id);
        foreach (var value in values)
        {
            var name = await _localizationService.GetLocalizedAsync(value, entity => entity.Name);
            names[(AffinityKind.AttributeValue, value.Id)] = mappings.TryGetValue(value.ProductAttributeMappingId, out var attributeId) && productAttributes.TryGetValue(attributeId, out var attribute)
                ? $"{await _localizationService.GetLocalizedAsync(attribute, entity => entity.Name)}: {name}"
                : name;
        }

        return names;
    }

    private static List<int> IdsOf(List<(AffinityKind Kind, int Id)> wanted, AffinityKind kind) =>
        wanted.Where(target => target.Kind == kind).Select(target => target.Id).ToList();
}

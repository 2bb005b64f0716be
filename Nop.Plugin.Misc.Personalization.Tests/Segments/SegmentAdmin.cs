using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;

namespace Nop.Plugin.Misc.Personalization.Tests.Segments;

/// <summary>
/// The real segment service and factory over in-memory repositories and settings, as the admin pages use them.
/// </summary>
public sealed class SegmentAdmin
{
    public InMemoryRepository<PersonalizationSegment> Segments { get; } = Editable(new InMemoryRepository<PersonalizationSegment>());

    public InMemoryRepository<PersonalizationPlacement> Placements { get; } = Editable(new InMemoryRepository<PersonalizationPlacement>());

    public InMemoryRepository<Store> Stores { get; } = new();

    public InMemorySettings Settings { get; } = new InMemorySettings().Handle<PersonalizationInsightsState>();

    public SegmentService Service() => new(Placements.Object, Segments.Object);

    public ShopNames ShopNames() =>
        new(new InMemoryRepository<Category>().Object, new InMemoryRepository<Manufacturer>().Object, new InMemoryRepository<Product>().Object, Stores.Object);

    public SegmentModelFactory Factory() => new(Service(), Settings.Service, ShopNames());

    public PersonalizationSegment AddSegment(string name, string rule, int displayOrder = 0, bool enabled = true)
    {
        var segment = new PersonalizationSegment { Name = name, RuleDefinition = rule, DisplayOrder = displayOrder, Enabled = enabled };
        Segments.Add(segment);
        return segment;
    }

    /// <summary>
    /// The shared in-memory repository only reads and inserts; the admin also updates and deletes single rows.
    /// </summary>
    private static InMemoryRepository<T> Editable<T>(InMemoryRepository<T> repository) where T : Nop.Core.BaseEntity
    {
        repository.Mock.Setup(r => r.UpdateAsync(It.IsAny<T>(), It.IsAny<bool>())).Returns(Task.CompletedTask);
        repository.Mock.Setup(r => r.DeleteAsync(It.IsAny<T>(), It.IsAny<bool>()))
            .Callback((T entity, bool _) => repository.Rows.Remove(entity))
            .Returns(Task.CompletedTask);
        return repository;
    }
}

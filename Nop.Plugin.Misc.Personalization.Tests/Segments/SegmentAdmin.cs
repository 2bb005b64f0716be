using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Security;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Services.Messages;
using Nop.Services.Security;
using Microsoft.Extensions.Time.Testing;

namespace Nop.Plugin.Misc.Personalization.Tests.Segments;

/// <summary>
/// The real segment service and factory over in-memory repositories and settings, as the admin pages use them;
/// the shop's customer roles come from a Moq customer service.
/// </summary>
public sealed class SegmentAdmin
{
    public List<CustomerRole> Roles { get; } = [];

    public Mock<ICustomerService> CustomerService { get; } = new();

    public InMemoryRepository<PermissionRecordCustomerRoleMapping> PermissionMappings { get; } = new();

    public Mock<ILocalizationService> Localization { get; } = new();

    public InMemoryRepository<PersonalizationSegment> Segments { get; } = Editable(new InMemoryRepository<PersonalizationSegment>());

    public InMemoryRepository<PersonalizationPlacement> Placements { get; } = Editable(new InMemoryRepository<PersonalizationPlacement>());

    public InMemoryRepository<Store> Stores { get; } = new();

    public InMemoryRepository<SpecificationAttribute> SpecificationAttributes { get; } = new();

    public InMemoryRepository<SpecificationAttributeOption> SpecificationOptions { get; } = new();

    public InMemoryRepository<ProductTag> Tags { get; } = new();

    public InMemoryRepository<LocalizedProperty> LocalizedNames { get; } = new();

    /// <summary>The shop's attribute names from the in-memory tables; no product mappings (names are all a rule check reads).</summary>
    public ProductAttributeReader AttributeReader() => new(LocalizedNames.Object, new InMemoryRepository<ProductAttribute>().Object,
        new InMemoryRepository<ProductAttributeMapping>().Object, new InMemoryRepository<ProductAttributeValue>().Object, new InMemoryRepository<Product>().Object,
        new InMemoryRepository<ProductSpecificationAttribute>().Object, new InMemoryRepository<ProductProductTagMapping>().Object, Tags.Object,
        SpecificationAttributes.Object, SpecificationOptions.Object);

    public InMemorySettings Settings { get; } = new InMemorySettings().Handle<PersonalizationInsightsState>();

    public SegmentService Service() => new(Placements.Object, Segments.Object);

    public ShopNames ShopNames() =>
        new(new InMemoryRepository<Category>().Object, new InMemoryRepository<Manufacturer>().Object, new InMemoryRepository<Product>().Object, Stores.Object);

    public SegmentAdmin()
    {
        CustomerService.Setup(c => c.GetAllCustomerRolesAsync(It.IsAny<bool>()))
            .ReturnsAsync((bool showHidden) => Roles.Where(role => showHidden || role.Active).ToList());
        Localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        Permissions.Setup(p => p.AuthorizeAsync(It.IsAny<string>())).ReturnsAsync(true);
        CustomerService.Setup(c => c.InsertCustomerRoleAsync(It.IsAny<CustomerRole>()))
            .Callback((CustomerRole role) => { role.Id = Roles.Max(r => r.Id) + 1; Roles.Add(role); })
            .Returns(Task.CompletedTask);
    }

    public SyncableRoles SyncableRoles() => new(CustomerService.Object, PermissionMappings.Object);

    /// <summary>The signed-in admin; every permission is granted unless a test says otherwise.</summary>
    public Customer CurrentAdmin { get; } = new() { Id = 99, Active = true };

    public Mock<IPermissionService> Permissions { get; } = new();

    public InMemoryRepository<CustomerCustomerRoleMapping> RoleMappings { get; } = new();

    public RoleMembers RoleMembers() => new(new InMemoryRepository<Customer>().Object, RoleMappings.Object, Mock.Of<IStaticCacheManager>());

    public PersonalizationSegmentController Controller(ILocalizationService localization = null, INotificationService notifications = null)
    {
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(CurrentAdmin);
        return new PersonalizationSegmentController(AttributeReader(), new InsightsSchedule(Settings.Service), localization ?? Localization.Object, notifications ?? Mock.Of<INotificationService>(),
            new RoleLinkPermission(CustomerService.Object, Permissions.Object), RoleMembers(),
            new SegmentRoleLinker(CustomerService.Object, new FakeTimeProvider(LinkedOnUtc), workContext.Object),
            Factory(localization), Service(), SyncableRoles());
    }

    public static DateTime LinkedOnUtc { get; } = new(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc);

    public SegmentModelFactory Factory(ILocalizationService localization = null) =>
        new(localization ?? Localization.Object, Service(), Settings.Service, ShopNames(), SyncableRoles());

    public CustomerRole AddRole(string name, bool active = true, bool systemRole = false, bool withPermission = false)
    {
        var role = new CustomerRole { Id = Roles.Count == 0 ? 1 : Roles.Max(r => r.Id) + 1, Name = name, Active = active, IsSystemRole = systemRole, SystemName = systemRole ? name : null };
        Roles.Add(role);
        if (withPermission)
            PermissionMappings.Add(new PermissionRecordCustomerRoleMapping { PermissionRecordId = 1, CustomerRoleId = role.Id });
        return role;
    }

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

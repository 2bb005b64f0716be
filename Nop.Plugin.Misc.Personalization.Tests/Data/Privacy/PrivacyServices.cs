using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Services;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Privacy;

/// <summary>
/// One node of a shop for the privacy tests: the plugin's services over real PostgreSQL tables (the plugin's and the
/// nopCommerce tables they read), nopCommerce's generic attribute service backed by the real GenericAttribute table,
/// and its own in-memory state, so two of these over one database are two web-farm nodes.
/// </summary>
internal static class PrivacyServices
{
    public static readonly Type[] ShopEntities =
        [typeof(Customer), typeof(GenericAttribute), typeof(Product), typeof(ProductCategory), typeof(ProductManufacturer), typeof(ProductWarehouseInventory), typeof(ProductAttributeCombination), typeof(Category), typeof(Manufacturer), typeof(Store),
            typeof(CustomerCustomerRoleMapping), .. ShopTables.AttributeEntities];

    public static async Task<DataOptions> CreateShopTablesAsync(TestDatabase database)
    {
        var options = ShopTables.Options(database, ShopEntities);
        await ShopTables.CreateAsync<Customer>(options);
        await ShopTables.CreateAsync<GenericAttribute>(options);
        await ShopTables.CreateAsync<Product>(options);
        await ShopTables.CreateAsync<ProductCategory>(options);
        await ShopTables.CreateAsync<ProductManufacturer>(options);
        await ShopTables.CreateAsync<ProductWarehouseInventory>(options);
        await ShopTables.CreateAsync<ProductAttributeCombination>(options);
        await ShopTables.CreateAsync<Category>(options);
        await ShopTables.CreateAsync<Manufacturer>(options);
        await ShopTables.CreateAsync<Store>(options);
        await ShopTables.CreateAsync<CustomerCustomerRoleMapping>(options);
        await ShopTables.CreateAttributeTablesAsync(options);
        return options;
    }

    public static ServiceProvider Node(DataOptions options, FakeTimeProvider time, ErasureOptions erasureOptions = null)
    {
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(It.IsAny<int>())).ReturnsAsync(() => PersonalizationSettings.Defaults());
        settings.Setup(s => s.LoadSettingAsync<PersonalizationProfileState>(It.IsAny<int>())).ReturnsAsync(() => new PersonalizationProfileState());
        settings.Setup(s => s.LoadSettingAsync<PersonalizationTrainingState>(It.IsAny<int>())).ReturnsAsync(() => new PersonalizationTrainingState());
        settings.Setup(s => s.LoadSettingAsync<PersonalizationInsightsState>(It.IsAny<int>())).ReturnsAsync(() => new PersonalizationInsightsState());
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key.Split('.')[^1]);

        return new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<Nop.Plugin.Misc.Personalization.Services.Progress.LongWorkBoard>()
            .AddSingleton(settings.Object)
            .AddSingleton(localization.Object)
            .AddSingleton(typeof(IRepository<>), typeof(LinqToDbRepository<>))
            .AddSingleton(options)
            .AddSingleton<IGenericAttributeService>(provider => GenericAttributes(provider.GetRequiredService<IRepository<GenericAttribute>>()))
            .AddSingleton<IEventSink>(new EventSink(10_000))
            .AddScoped<IEventStore, EventStore>()
            .AddTrainingAndServing()
            .AddScoped<SyncableRoles>()
            .AddScoped<SegmentMemberReader>()
            .AddScoped<RoleMembers>()
            .AddScoped<RoleMappingLedger>()
            .AddScoped<RoleLinkPermission>()
            .AddScoped<RoleSyncActivityLog>()
            .AddSingleton(Mock.Of<Nop.Services.Security.IPermissionService>())
            .AddSingleton(Mock.Of<Nop.Services.Logging.ICustomerActivityService>())
            .AddScoped<SegmentRoleSync>()
            .AddSingleton<ISegmentMembership, SegmentMembership>()
            .AddScoped<SegmentMembershipReader>()
            .AddSingleton<SegmentMembershipRefresher>()
            .AddSingleton<ISegmentMembershipRefresh>(provider => provider.GetRequiredService<SegmentMembershipRefresher>())
            .AddSingleton(PersonalizationSettings.Defaults())
            .AddLogging()
            .AddSingleton<IShopLog, RecordingShopLog>()
            .AddScoped<ShopNames>()
            .AddSingleton(erasureOptions ?? new ErasureOptions())
            .AddSingleton<ErasedCustomers>()
            .AddSingleton<CustomerEviction>()
            .AddSingleton<PluginLifetime>()
            .AddSingleton<ErasurePoller>()
            .AddScoped<CustomerKeyedTables>()
            .AddScoped<CustomerForgetting>()
            .AddScoped<IdentifiedDataRemoval>()
            .AddScoped<UnconsentedCustomers>()
            .AddScoped<CustomerDataEraser>()
            .AddScoped<ErasureSweep>()
            .AddScoped<CustomerDataExport>()
            .BuildServiceProvider();
    }

    /// <summary>nopCommerce's generic attribute service, for the members the plugin uses, over the real table.</summary>
    private static IGenericAttributeService GenericAttributes(IRepository<GenericAttribute> repository)
    {
        var service = new Mock<IGenericAttributeService>();
        service.Setup(s => s.GetAttributesForEntityAsync(It.IsAny<int>(), It.IsAny<string>()))
            .Returns((int entityId, string keyGroup) => repository.GetAllAsync(query => query.Where(a => a.EntityId == entityId && a.KeyGroup == keyGroup)));
        service.Setup(s => s.DeleteAttributesAsync(It.IsAny<IList<GenericAttribute>>()))
            .Returns((IList<GenericAttribute> attributes) => repository.DeleteAsync(attributes));
        service.Setup(s => s.GetAttributeAsync<Customer, DateTime?>(It.IsAny<int>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<DateTime?>()))
            .Returns(async (int entityId, string key, int storeId, DateTime? defaultValue) =>
            {
                var found = (await repository.GetAllAsync(query => query.Where(a =>
                    a.EntityId == entityId && a.KeyGroup == nameof(Customer) && a.Key == key && a.StoreId == storeId))).FirstOrDefault();
                return found == null ? defaultValue : DateTime.Parse(found.Value, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
            });
        return service.Object;
    }

    public static async Task TruncateAsync<TEntity>(DataOptions options) where TEntity : class
    {
        await using var connection = new LinqToDB.Data.DataConnection(options);
        await connection.GetTable<TEntity>().TruncateAsync(resetIdentity: true);
    }
}

using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Services.Cms;
using Nop.Services.Common;

namespace Benchmarks;

/// <summary>
/// Minimal nopCommerce services for benchmarks: the plugin is active, and nobody's consent is looked up.
/// </summary>
internal sealed class ActiveWidgetPlugins : IWidgetPluginManager
{
    public Task<bool> IsPluginActiveAsync(string systemName, Customer customer = null, int storeId = 0) => Task.FromResult(true);

    public bool IsPluginActive(IWidgetPlugin widget) => true;

    public Task<IList<IWidgetPlugin>> LoadActivePluginsAsync(Customer customer = null, int storeId = 0, string widgetZone = null) => throw new NotSupportedException();

    public Task<IList<IWidgetPlugin>> LoadAllPluginsAsync(Customer customer = null, int storeId = 0) => throw new NotSupportedException();

    public Task<IWidgetPlugin> LoadPluginBySystemNameAsync(string systemName, Customer customer = null, int storeId = 0) => throw new NotSupportedException();

    public Task<IList<IWidgetPlugin>> LoadActivePluginsAsync(List<string> systemNames, Customer customer = null, int storeId = 0) => throw new NotSupportedException();

    public bool IsPluginActive(IWidgetPlugin plugin, List<string> systemNames) => throw new NotSupportedException();

    public Task<string> GetPluginLogoUrlAsync(IWidgetPlugin plugin) => throw new NotSupportedException();
}

internal sealed class NoGenericAttributes : IGenericAttributeService
{
    public Task DeleteAttributeAsync(GenericAttribute attribute) => throw new NotSupportedException();

    public Task DeleteAttributesAsync(IList<GenericAttribute> attributes) => throw new NotSupportedException();

    public Task DeleteAttributesAsync<TEntity>(string key) => throw new NotSupportedException();

    public Task InsertAttributeAsync(GenericAttribute attribute) => throw new NotSupportedException();

    public Task UpdateAttributeAsync(GenericAttribute attribute) => throw new NotSupportedException();

    public Task<IList<GenericAttribute>> GetAttributesForEntityAsync(int entityId, string keyGroup) => throw new NotSupportedException();

    public Task SaveAttributeAsync<TPropType>(BaseEntity entity, string key, TPropType value, int storeId = 0) => throw new NotSupportedException();

    public Task<TPropType> GetAttributeAsync<TPropType>(BaseEntity entity, string key, int storeId = 0, TPropType defaultValue = default) => throw new NotSupportedException();

    public Task<TPropType> GetAttributeAsync<TEntity, TPropType>(int entityId, string key, int storeId = 0, TPropType defaultValue = default) where TEntity : BaseEntity =>
        throw new NotSupportedException();
}

/// <summary>The consent of a shop in "Everyone" mode, whose shopper did not opt out: every event carries the customer.</summary>
internal sealed class EveryoneIdentified : Nop.Plugin.Misc.Personalization.Services.Privacy.IPersonalizationConsent
{
    public Task<bool> MayIdentifyAsync(Customer customer, int storeId) => Task.FromResult(true);

    public Task<bool> IsOptedOutAsync(Customer customer) => Task.FromResult(false);

    public Task SetOptedOutAsync(Customer customer, bool optedOut) => throw new NotSupportedException();
}

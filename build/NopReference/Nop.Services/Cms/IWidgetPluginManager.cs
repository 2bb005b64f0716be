using Nop.Core.Domain.Customers;
using Nop.Services.Plugins;

namespace Nop.Services.Cms;

public partial interface IWidgetPluginManager : IPluginManager<IWidgetPlugin>
{
    Task<IList<IWidgetPlugin>> LoadActivePluginsAsync(Customer customer = null, int storeId = 0, string widgetZone = null);

    bool IsPluginActive(IWidgetPlugin widget);

    Task<bool> IsPluginActiveAsync(string systemName, Customer customer = null, int storeId = 0);
}

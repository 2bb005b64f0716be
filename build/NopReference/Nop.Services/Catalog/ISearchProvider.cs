using Nop.Services.Plugins;

namespace Nop.Services.Catalog;

public partial interface ISearchProvider : IPlugin
{
    Task<List<int>> SearchProductsAsync(string keywords, bool isLocalized);
}

using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Services.Events;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Models;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// Product views and searches, read from the models nopCommerce prepares for those pages: there is no product-viewed
/// event, and ProductSearchEvent carries no result count. A search's result count is stored as the event's quantity,
/// so searches that find nothing stand out.
/// </summary>
public class BrowsingConsumer : IConsumer<ModelPreparedEvent<BaseNopModel>>
{
    private readonly InteractionCapture _capture;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public BrowsingConsumer(InteractionCapture capture, IStoreContext storeContext, IWorkContext workContext)
    {
        _capture = capture;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    public Task HandleEventAsync(ModelPreparedEvent<BaseNopModel> eventMessage) => eventMessage.Model switch
    {
        ProductDetailsModel { Id: > 0 } product => CaptureAsync(InteractionType.View, product.Id, quantity: 1, query: null),
        SearchModel search when !string.IsNullOrWhiteSpace(search.q) =>
            CaptureAsync(InteractionType.Search, productId: 0, search.CatalogProductsModel?.TotalItems ?? 0, search.q),
        _ => Task.CompletedTask
    };

    private async Task CaptureAsync(InteractionType type, int productId, int quantity, string query)
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        await _capture.CaptureAsync(customer, store.Id, type, productId, quantity, query: query);
    }
}

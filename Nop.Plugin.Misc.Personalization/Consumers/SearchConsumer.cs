using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Services.Events;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Models;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// The search page's prepared model carries both the term and the number of results (nopCommerce's ProductSearchEvent
/// has no result count); the count is stored as the event's quantity, so searches that find nothing stand out.
/// </summary>
public class SearchConsumer : IConsumer<ModelPreparedEvent<BaseNopModel>>
{
    private readonly InteractionCapture _capture;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public SearchConsumer(InteractionCapture capture, IStoreContext storeContext, IWorkContext workContext)
    {
        _capture = capture;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    public async Task HandleEventAsync(ModelPreparedEvent<BaseNopModel> eventMessage)
    {
        if (eventMessage.Model is not SearchModel search || string.IsNullOrWhiteSpace(search.q))
            return;

        var customer = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        await _capture.CaptureAsync(customer, store.Id, InteractionType.Search, productId: 0,
            quantity: search.CatalogProductsModel?.TotalItems ?? 0, query: search.q);
    }
}

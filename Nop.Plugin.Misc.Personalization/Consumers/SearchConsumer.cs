using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Services.Events;
using Nop.Web.Framework.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

public class SearchConsumer : IConsumer<ProductSearchEvent>
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

    public async Task HandleEventAsync(ProductSearchEvent eventMessage)
    {
        if (string.IsNullOrWhiteSpace(eventMessage.SearchTerm))
            return;

        var customer = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        await _capture.CaptureAsync(customer, store.Id, InteractionType.Search, productId: 0, query: eventMessage.SearchTerm);
    }
}

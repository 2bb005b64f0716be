using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Services.Events;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Models;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// nopCommerce has no product-viewed event; the product page's prepared model is the signal.
/// </summary>
public class ProductViewConsumer : IConsumer<ModelPreparedEvent<BaseNopModel>>
{
    private readonly InteractionCapture _capture;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public ProductViewConsumer(InteractionCapture capture, IStoreContext storeContext, IWorkContext workContext)
    {
        _capture = capture;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    public async Task HandleEventAsync(ModelPreparedEvent<BaseNopModel> eventMessage)
    {
        if (eventMessage.Model is not ProductDetailsModel product || product.Id <= 0)
            return;

        var customer = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        await _capture.CaptureAsync(customer, store.Id, InteractionType.View, product.Id);
    }
}

using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Web.Models.Catalog;

namespace Nop.Web.Factories;

public partial interface IProductModelFactory
{
    Task<string> PrepareProductTemplateViewPathAsync(Product product);

    Task<IEnumerable<ProductOverviewModel>> PrepareProductOverviewModelsAsync(IEnumerable<Product> products,
        bool preparePriceModel = true, bool preparePictureModel = true,
        int? productThumbPictureSize = null, bool prepareSpecificationAttributes = false,
        bool forceRedirectionAfterAddingToCart = false);

    Task<IList<ProductCombinationModel>> PrepareProductCombinationModelsAsync(Product product);

    Task<ProductDetailsModel> PrepareProductDetailsModelAsync(Product product, ShoppingCartItem updatecartitem = null, bool isAssociatedProduct = false);

    Task<ProductReviewsModel> PrepareProductReviewsModelAsync(Product product);

    Task<CustomerProductReviewsModel> PrepareCustomerProductReviewsModelAsync(int? page);

    Task<ProductEmailAFriendModel> PrepareProductEmailAFriendModelAsync(ProductEmailAFriendModel model, Product product, bool excludeProperties);

    Task<ProductSpecificationModel> PrepareProductSpecificationModelAsync(Product product);
}

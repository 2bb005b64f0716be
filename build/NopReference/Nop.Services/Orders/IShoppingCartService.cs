using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;

namespace Nop.Services.Orders;

public partial interface IShoppingCartService
{
    Task DeleteShoppingCartItemAsync(ShoppingCartItem shoppingCartItem, bool resetCheckoutData = true,
        bool ensureOnlyActiveCheckoutAttributes = false);

    Task ClearShoppingCartAsync(Customer customer, int storeId);

    Task DeleteShoppingCartItemAsync(int shoppingCartItemId, bool resetCheckoutData = true,
        bool ensureOnlyActiveCheckoutAttributes = false);

    Task<int> DeleteExpiredShoppingCartItemsAsync(DateTime olderThanUtc);

    Task<IList<Product>> GetProductsRequiringProductAsync(IList<ShoppingCartItem> cart, Product product);

    Task<IList<ShoppingCartItem>> GetShoppingCartAsync(Customer customer, ShoppingCartType? shoppingCartType = null,
        int storeId = 0, int? productId = null, DateTime? createdFromUtc = null, DateTime? createdToUtc = null, int? customWishlistId = null);

    Task<IList<string>> GetShoppingCartItemAttributeWarningsAsync(Customer customer, ShoppingCartType shoppingCartType, Product product,
        int quantity = 1, string attributesXml = "", bool ignoreNonCombinableAttributes = false, bool ignoreConditionMet = false,
        bool ignoreBundledProducts = false, int shoppingCartItemId = 0);

    Task<IList<string>> GetShoppingCartItemGiftCardWarningsAsync(ShoppingCartType shoppingCartType, Product product, string attributesXml);

    Task<IList<string>> GetRentalProductWarningsAsync(Product product, DateTime? rentalStartDate = null, DateTime? rentalEndDate = null);

    Task<IList<string>> GetShoppingCartItemWarningsAsync(Customer customer, ShoppingCartType shoppingCartType, Product product, int storeId,
        string attributesXml, decimal customerEnteredPrice, DateTime? rentalStartDate = null, DateTime? rentalEndDate = null,
        int quantity = 1, bool addRequiredProducts = true, int shoppingCartItemId = 0, bool getStandardWarnings = true,
        bool getAttributesWarnings = true, bool getGiftCardWarnings = true, bool getRequiredProductWarnings = true,
        bool getRentalWarnings = true);

    Task<IList<string>> GetShoppingCartWarningsAsync(IList<ShoppingCartItem> shoppingCart, string checkoutAttributesXml, bool validateCheckoutAttributes);

    Task<(decimal unitPrice, decimal discountAmount, List<Discount> appliedDiscounts)> GetUnitPriceAsync(ShoppingCartItem shoppingCartItem,
        bool includeDiscounts);

    Task<(decimal unitPrice, decimal discountAmount, List<Discount> appliedDiscounts)> GetUnitPriceAsync(Product product, Customer customer,
        Store store, ShoppingCartType shoppingCartType, int quantity, string attributesXml, decimal customerEnteredPrice,
        DateTime? rentalStartDate, DateTime? rentalEndDate, bool includeDiscounts);

    Task<(decimal subTotal, decimal discountAmount, List<Discount> appliedDiscounts, int? maximumDiscountQty)> GetSubTotalAsync(
        ShoppingCartItem shoppingCartItem, bool includeDiscounts);

    Task<ShoppingCartItem> FindShoppingCartItemInTheCartAsync(IList<ShoppingCartItem> shoppingCart, ShoppingCartType shoppingCartType,
        Product product, string attributesXml = "", decimal customerEnteredPrice = decimal.Zero, DateTime? rentalStartDate = null,
        DateTime? rentalEndDate = null);

    Task<IList<string>> AddToCartAsync(Customer customer, Product product, ShoppingCartType shoppingCartType, int storeId,
        string attributesXml = null, decimal customerEnteredPrice = decimal.Zero, DateTime? rentalStartDate = null,
        DateTime? rentalEndDate = null, int quantity = 1, bool addRequiredProducts = true, int? wishlistId = null);

    Task<IList<string>> UpdateShoppingCartItemAsync(Customer customer, int shoppingCartItemId, string attributesXml,
        decimal customerEnteredPrice, DateTime? rentalStartDate = null, DateTime? rentalEndDate = null, int quantity = 1,
        bool resetCheckoutData = true);

    Task MoveItemToCustomWishlistAsync(int shoppingCartItemId, int? wishlistId = null);

    Task MigrateShoppingCartAsync(Customer fromCustomer, Customer toCustomer, bool includeCouponCodes);

    Task<bool> ShoppingCartRequiresShippingAsync(IList<ShoppingCartItem> shoppingCart);

    Task<bool> ShoppingCartIsRecurringAsync(IList<ShoppingCartItem> shoppingCart);

    Task<(string error, int cycleLength, RecurringProductCyclePeriod cyclePeriod, int totalCycles)> GetRecurringCycleInfoAsync(
        IList<ShoppingCartItem> shoppingCart);
}

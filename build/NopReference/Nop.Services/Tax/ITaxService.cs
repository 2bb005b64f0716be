using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Tax;

namespace Nop.Services.Tax;

public partial interface ITaxService
{
    Task<(decimal price, decimal taxRate)> GetProductPriceAsync(Product product, decimal price);

    Task<(decimal price, decimal taxRate)> GetProductPriceAsync(Product product, decimal price, Customer customer);

    Task<(decimal price, decimal taxRate)> GetProductPriceAsync(Product product, decimal price, bool includingTax, Customer customer);

    Task<(decimal price, decimal taxRate)> GetProductPriceAsync(Product product, int taxCategoryId, decimal price, bool includingTax,
        Customer customer, bool priceIncludesTax);

    Task<bool> IsTaxExemptAsync(Product product, Customer customer);

    Task<(decimal price, decimal taxRate)> GetShippingPriceAsync(decimal price, Customer customer);

    Task<(decimal price, decimal taxRate)> GetShippingPriceAsync(decimal price, bool includingTax, Customer customer);

    Task<(decimal price, decimal taxRate)> GetPaymentMethodAdditionalFeeAsync(decimal price, Customer customer);

    Task<(decimal price, decimal taxRate)> GetPaymentMethodAdditionalFeeAsync(decimal price, bool includingTax, Customer customer);

    Task<(decimal price, decimal taxRate)> GetCheckoutAttributePriceAsync(CheckoutAttribute ca, CheckoutAttributeValue cav);

    Task<(decimal price, decimal taxRate)> GetCheckoutAttributePriceAsync(CheckoutAttribute ca, CheckoutAttributeValue cav, Customer customer);

    Task<(decimal price, decimal taxRate)> GetCheckoutAttributePriceAsync(CheckoutAttribute ca, CheckoutAttributeValue cav, bool includingTax,
        Customer customer);

    Task<(VatNumberStatus vatNumberStatus, string name, string address)> GetVatNumberStatusAsync(string fullVatNumber);

    Task<TaxTotalResult> GetTaxTotalAsync(IList<ShoppingCartItem> cart, bool usePaymentMethodAdditionalFee = true);
}

using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Core.Domain.Tax;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Services.Catalog;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Orders;
using Nop.Services.Tax;

namespace Nop.Plugin.Misc.Personalization.Tests.Messaging;

/// <summary>
/// <see cref="RecipientPrices"/> over Moq stand-ins for nopCommerce's price services: a customer's unit price is the
/// catalog price less their discount (a cart line's attributes add their own charge), tax is 25 % for customers who see
/// prices with tax, currencies as the caller sets them up; prices print as "$12.50" (no currency) or "€12.50".
/// </summary>
public sealed class RecipientPricesFake
{
    public Dictionary<int, decimal> DiscountByCustomer { get; } = [];

    public Dictionary<string, decimal> ChargeByAttributes { get; } = [];

    public HashSet<int> CustomersSeeingTax { get; } = [];

    public Mock<ICurrencyService> Currencies { get; } = new();

    public Mock<IPriceFormatter> Formatter { get; } = new();

    public Func<int, Product> ProductOf { get; set; } = id => new Product { Id = id };

    public RecipientPrices Prices()
    {
        Currencies.Setup(s => s.GetAllCurrenciesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(new List<Currency>());
        Formatter.Setup(s => s.FormatPriceAsync(It.IsAny<decimal>())).ReturnsAsync((decimal price) => $"${price:0.00}");
        Formatter.Setup(s => s.FormatPriceAsync(It.IsAny<decimal>(), true, It.IsAny<Currency>())).ReturnsAsync((decimal price, bool _, Currency _) => $"€{price:0.00}");

        var customers = new Mock<ICustomerService>();
        customers.Setup(s => s.GetCustomerTaxDisplayTypeAsync(It.IsAny<Customer>()))
            .ReturnsAsync((Customer customer) => CustomersSeeingTax.Contains(customer.Id) ? TaxDisplayType.IncludingTax : TaxDisplayType.ExcludingTax);
        var tax = new Mock<ITaxService>();
        tax.Setup(s => s.GetProductPriceAsync(It.IsAny<Product>(), It.IsAny<decimal>(), It.IsAny<bool>(), It.IsAny<Customer>()))
            .ReturnsAsync((Product _, decimal price, bool includingTax, Customer _) => (includingTax ? price * 1.25m : price, includingTax ? 25m : 0m));
        var cart = new Mock<IShoppingCartService>();
        cart.Setup(s => s.GetUnitPriceAsync(It.IsAny<ShoppingCartItem>(), true))
            .ReturnsAsync((ShoppingCartItem item, bool _) => (Unit(ProductOf(item.ProductId), item.CustomerId) + ChargeByAttributes.GetValueOrDefault(item.AttributesXml ?? string.Empty),
                0m, new List<Discount>()));
        cart.Setup(s => s.GetUnitPriceAsync(It.IsAny<Product>(), It.IsAny<Customer>(), It.IsAny<Store>(), ShoppingCartType.ShoppingCart, 1, It.IsAny<string>(),
                0m, null, null, true))
            .ReturnsAsync((Product product, Customer customer, Store _, ShoppingCartType _, int _, string _, decimal _, DateTime? _, DateTime? _, bool _) =>
                (Unit(product, customer.Id), 0m, new List<Discount>()));

        return new RecipientPrices(Currencies.Object, customers.Object, Formatter.Object, cart.Object, tax.Object);
    }

    private decimal Unit(Product product, int customerId) => product.Price - DiscountByCustomer.GetValueOrDefault(customerId);
}

namespace Nop.Plugin.Misc.Personalization.Services.ProductBoxes;

/// <summary>
/// Everything a prepared product box depends on besides the shop's data: whose box it is (prices, discounts, tax and
/// custom wish lists are the customer's), in which store, language, currency and tax display.
/// </summary>
public readonly record struct ProductBoxKey(int CustomerId, int StoreId, int LanguageId, int CurrencyId, int TaxDisplayType, int ProductId);

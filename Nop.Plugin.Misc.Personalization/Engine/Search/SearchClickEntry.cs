namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>A click on a search result: the words searched and the product clicked (customer 0 when anonymous).</summary>
public readonly record struct SearchClickEntry(int CustomerId, DateTime TimeUtc, string Query, int ProductId);

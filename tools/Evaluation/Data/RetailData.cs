namespace Evaluation.Data;

/// <summary>All purchase events (sorted by time) and the StockCode of every item id.</summary>
public sealed record RetailData(IReadOnlyList<PurchaseEvent> Events, string[] ItemCodes);

namespace Evaluation.Data;

/// <summary>
/// One evaluation event as EVALUATION.md defines it: a distinct (customer, invoice, item) with its earliest time,
/// summed quantity and price = amount / quantity. Items are mapped to dense ints; the StockCode keeps the original name.
/// </summary>
public readonly record struct PurchaseEvent(int User, int Item, int Invoice, DateTime Time, double Quantity, double Price);

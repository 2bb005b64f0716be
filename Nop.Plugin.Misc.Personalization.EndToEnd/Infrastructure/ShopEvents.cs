namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// Engine/Interactions/InteractionType.cs as stored in Personalization_Event.EventType.
/// </summary>
public enum EventType
{
    View = 1,
    Search = 2,
    AddToCart = 3,
    RemoveFromCart = 4,
    Wishlist = 5,
    Purchase = 6,
    RecommendationImpression = 7,
    RecommendationClick = 8,
    SearchClick = 12
}

public sealed record EventRow(long Id, int StoreId, int CustomerId, EventType Type, int ProductId, int Quantity, decimal Value,
    int OrderId, string Placement, string Query)
{
    public override string ToString() =>
        $"#{Id} {Type} store {StoreId} customer {CustomerId} product {ProductId} qty {Quantity} value {Value:0.####} order {OrderId}"
        + (Placement != null ? $" placement {Placement}" : "") + (Query != null ? $" query '{Query}'" : "");
}

/// <summary>
/// The plugin's event table, read the way the steps check it. Events are stored by a background batch writer, so a
/// check polls until the expected rows are there (30 s at most).
/// </summary>
public static class ShopEvents
{
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(30);

    private const string COLUMNS = """
        "Id", "StoreId", "CustomerId", "EventType", "ProductId", "Quantity", "Value", "OrderId", "Placement", "Query"
        """;

    public static Task<List<EventRow>> OfCustomerAsync(ShopDatabase database, int customerId) =>
        database.ListAsync($"SELECT {COLUMNS} FROM \"Personalization_Event\" WHERE \"CustomerId\" = @c ORDER BY \"Id\"", Map, ("c", customerId));

    public static Task<List<EventRow>> WhereAsync(ShopDatabase database, string condition, params (string Name, object Value)[] parameters) =>
        database.ListAsync($"SELECT {COLUMNS} FROM \"Personalization_Event\" WHERE {condition} ORDER BY \"Id\"", Map, parameters);

    /// <summary>
    /// Polls the customer's events until each expected row has appeared in this order (other rows may come between).
    /// </summary>
    public static Task<List<EventRow>> WaitForAsync(ShopDatabase database, int customerId, string what, params Func<EventRow, bool>[] expected) =>
        Poll.UntilAsync(() => OfCustomerAsync(database, customerId), rows => ContainsInOrder(rows, expected), WriteTimeout,
            $"{what} in Personalization_Event for customer {customerId}");

    public static bool ContainsInOrder(IReadOnlyList<EventRow> rows, IReadOnlyList<Func<EventRow, bool>> expected)
    {
        var next = 0;
        foreach (var row in rows)
        {
            if (next < expected.Count && expected[next](row))
                next++;
        }

        return next == expected.Count;
    }

    private static EventRow Map(Npgsql.NpgsqlDataReader reader) => new(
        Convert.ToInt64(reader.GetValue(0)),
        reader.GetInt32(1),
        reader.GetInt32(2),
        (EventType)Convert.ToInt32(reader.GetValue(3)),
        reader.GetInt32(4),
        reader.GetInt32(5),
        reader.GetDecimal(6),
        reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetString(9));
}

using Nop.Core.Domain.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Records what placements show and what shoppers click in them, for CTR and attribution.
/// </summary>
public interface IPlacementTracking
{
    /// <summary>
    /// Counts one render of a placement that showed <paramref name="productIds"/> (in memory, per placement and day;
    /// flushed to the database as counters). Applies the capture guards; never touches the database.
    /// </summary>
    /// <returns>A task whose result tells whether the render was counted.</returns>
    Task<bool> RecordImpressionAsync(Customer customer, int storeId, int placementId, IReadOnlyList<int> productIds);

    /// <summary>
    /// The model of the click-tracking partial for a render, with a token signed for exactly these products and this customer.
    /// </summary>
    /// <returns>A task whose result is the model, or null when clicks cannot be tracked (no products, no tracking key).</returns>
    Task<ClickTrackingModel> PrepareClickTrackingAsync(Customer customer, int placementId, IReadOnlyList<int> productIds);

    /// <summary>
    /// A verified click: placement <paramref name="placementId"/> showed <paramref name="productId"/> to this customer.
    /// </summary>
    /// <returns>A task whose result tells whether the event was accepted.</returns>
    Task<bool> RecordClickAsync(Customer customer, int storeId, int placementId, int productId);

    /// <summary>
    /// Whether the placement is currently enabled for the store.
    /// </summary>
    bool PlacementExists(int storeId, int placementId);

    /// <summary>
    /// Counts a render of the zone these placements are in, whoever the visitor is; no personal data.
    /// </summary>
    void RecordZoneRendered(int storeId, IEnumerable<int> placementIds);

    /// <summary>
    /// Counts a render of the placement that showed nothing for too few products, for the same visitors whose renders
    /// with products are counted (so the two compare); no personal data.
    /// </summary>
    Task RecordHiddenAsync(Customer customer, int storeId, int placementId);
}

using Nop.Plugin.Misc.Personalization.Services.Placements;

namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

/// <summary>
/// One placement's question: what to show this customer here. Context ids come from the page (product, category,
/// order) and from memory (cart); never from the browser. Products other placements on the page already show are
/// not repeated.
/// </summary>
public sealed record RecommendationRequest(
    PlacementStrategy Strategy,
    int StoreId,
    int CustomerId,
    int Count,
    int ProductId = 0,
    int CategoryId = 0,
    IReadOnlyCollection<int> CartProductIds = null,
    IReadOnlyCollection<int> OrderProductIds = null,
    IReadOnlyCollection<int> AlreadyShown = null);

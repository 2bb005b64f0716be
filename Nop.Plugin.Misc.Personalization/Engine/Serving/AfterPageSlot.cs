namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>
/// What a page knew when it left room for a placement loaded after it: the placement, the store, the page's context
/// (product, category, completed order; 0 when the page has none) and the products the page already showed. The
/// customer is not part of it: the request that loads the placement brings its own.
/// </summary>
public sealed record AfterPageSlot(int PlacementId, int StoreId, int ProductId, int CategoryId, int OrderId, IReadOnlyList<int> AlreadyShown);

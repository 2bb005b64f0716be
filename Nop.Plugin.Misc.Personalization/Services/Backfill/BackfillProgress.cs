namespace Nop.Plugin.Misc.Personalization.Services.Backfill;

/// <summary>
/// What one call of the backfill did, and where the whole backfill stands after it.
/// </summary>
/// <param name="OrdersDone">Orders turned into purchase events by this call.</param>
/// <param name="OrdersSkipped">Orders this call passed over because their purchases were already recorded.</param>
/// <param name="EventsWritten">Purchase events this call inserted.</param>
/// <param name="LastOrderId">The checkpoint after this call.</param>
/// <param name="UpToOrderId">The newest order the backfill covers.</param>
/// <param name="Completed">Whether every order up to <paramref name="UpToOrderId"/> is done.</param>
public sealed record BackfillProgress(int OrdersDone, int OrdersSkipped, int EventsWritten, int LastOrderId, int UpToOrderId, bool Completed);

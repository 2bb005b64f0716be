namespace Nop.Plugin.Misc.Personalization.Models.Segments;

/// <param name="Store">The store's name, or its id when the store is unknown.</param>
/// <param name="Warning">Why the segment is too small to matter in that store; null when it is large enough.</param>
public record SegmentStoreSizeModel(int StoreId, string Store, int Members, string Warning);

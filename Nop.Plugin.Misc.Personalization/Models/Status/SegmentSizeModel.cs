namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// How many of a store's profiled customers a segment held at the last refresh, and why it may be too small to use.
/// </summary>
public record SegmentSizeModel(int StoreId, int SegmentId, string Name, int Members, string Warning);

namespace Nop.Plugin.Misc.Personalization.Services.ProductBoxes;

/// <summary>
/// The versions of the shop, the product and the customer a box was prepared under; taken before preparing, so a
/// change that lands while the box is being prepared makes it stale instead of being hidden by it.
/// </summary>
public readonly record struct ProductBoxStamp(long Generation, long ProductVersion, long CustomerVersion);

using Nop.Plugin.Misc.Personalization.Engine.Serving;

namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

/// <param name="Source">Which step of the fallback chain produced it (for debugging and reports).</param>
public sealed record RecommendedProduct(int ProductId, double Score, IReadOnlyList<Reason> Reasons, string Source);

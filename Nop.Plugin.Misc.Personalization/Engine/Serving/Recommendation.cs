namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>A recommended product with its score (higher is better, finite) and why, strongest reason first.</summary>
public sealed record Recommendation(int ProductId, double Score, Reason[] Reasons);

namespace Nop.Plugin.Misc.Personalization.Engine.Lifetime;

/// <summary>
/// The four BG/NBD parameters (Fader, Hardie &amp; Lee 2005): purchase rates λ ~ Gamma(shape r, rate α) per day,
/// drop-out after each repeat purchase with probability p ~ Beta(a, b).
/// </summary>
public readonly record struct BgNbdParameters(double R, double Alpha, double A, double B);
